// The "shapes" scenario's model: one entity (or hierarchy) per mapping shape that
// EF Core 8 to 10 can scaffold. generate.sh compiles it once per step with the
// symbols STEP2 .. STEPn defined (n = the step being scaffolded), so each
// "#if !STEPn" block disappears from the model at step n and stays gone
// afterwards. EF10 marks shapes only EF Core 10 has (complex collections,
// complex types mapped to JSON). See steps.sh for what each step does.
using System;
using System.Collections.Generic;

namespace Fixtures
{
    // Owned types: Home (nested owned Location) shares Customers; Billing has its own
    // table; Preferences is one JSON column. DisplayName is mapped to "Display Name",
    // a column name CreateTable can only spell with name:.
    public class Customer
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

#if !STEP8
        public string? DisplayName { get; set; }
#endif

#if !STEP10
        public string? Nickname { get; set; }
#endif

        public HomeAddress Home { get; set; } = null!;

        public BillingAddress Billing { get; set; } = null!;

#if !STEP6
        public Preferences Preferences { get; set; } = null!;
#endif
    }

    public class HomeAddress
    {
        public string? Street { get; set; }

        public Location Location { get; set; } = null!;
    }

    public class Location
    {
#if !STEP3
        public double? Lat { get; set; }
#endif

#if !STEP6
        public double Lng { get; set; }
#endif

        public string? Label { get; set; }
    }

    public class BillingAddress
    {
        public string Street { get; set; } = null!;

#if !STEP6
        public string? ZipCode { get; set; }
#endif

#if !STEP3
        public string? Country { get; set; }
#endif
    }

    public class Preferences
    {
#if !STEP5
        public string? Theme { get; set; }
#endif

        public string? Language { get; set; }

        public Notifications Notifications { get; set; } = null!;
    }

    public class Notifications
    {
        public bool ByEmail { get; set; }

        public bool BySms { get; set; }
    }

    // Owned collection: its own table (OrderLine), key (OrderId, Id).
    public class Order
    {
        public int Id { get; set; }

        public DateTime PlacedAt { get; set; }

        public List<OrderLine> Lines { get; set; } = new List<OrderLine>();
    }

    public class OrderLine
    {
        public string Sku { get; set; } = null!;

        // Required: its model-only removal in step 3 leaves a NOT NULL column behind (BG0007).
#if !STEP3
        public int Quantity { get; set; }
#endif

#if !STEP6
        public string? Note { get; set; }
#endif
    }

    // Table per type: Vehicles, Cars (key column renamed CarId there), Trucks.
    public class Vehicle
    {
        public int Id { get; set; }

        public string Make { get; set; } = null!;

#if !STEP10
        public string? Color { get; set; }
#endif
    }

    public class Car : Vehicle
    {
        public int Doors { get; set; }

#if !STEP7
        public int Seats { get; set; }
#endif
    }

    public class Truck : Vehicle
    {
#if !STEP3
        public double? Payload { get; set; }
#endif

        public int Axles { get; set; }
    }

    // Table per concrete type: the abstract root has no table; CardPayments and
    // CashPayments hold every inherited property (Amount is CardAmount in CardPayments).
    public abstract class Payment
    {
        public Guid Id { get; set; }

        public decimal Amount { get; set; }

#if !STEP7
        public string? Reference { get; set; }
#endif
    }

    public class CardPayment : Payment
    {
        public string CardNumber { get; set; } = null!;
    }

    public class CashPayment : Payment
    {
#if !STEP3
        public string? Till { get; set; }
#endif

        public bool Counted { get; set; }
    }

    // Entity splitting: Description, Weight (column WeightKg) and Price live in ProductDetails.
    public class Product
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

#if !STEP3
        public string? Description { get; set; }
#endif

#if !STEP8
        public double Weight { get; set; }
#endif

        public decimal Price { get; set; }
    }

    // Complex types (EF 8+): Address_Street, Address_City, Address_Geo_Lat, ... in Suppliers.
    public class Supplier
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

        public PostalAddress Address { get; set; } = null!;

#if !STEP9
        public List<string> Tags { get; set; } = new List<string>();
#endif

#if EF10
#if !STEP9
        public List<Contact> Contacts { get; set; } = new List<Contact>();
#endif

        public SupplierProfile Profile { get; set; } = null!;
#endif
    }

    public class PostalAddress
    {
        public string Street { get; set; } = null!;

#if !STEP9
        public string City { get; set; } = null!;
#endif

        public GeoPoint Geo { get; set; } = null!;
    }

    public class GeoPoint
    {
#if !STEP3
        public double? Lat { get; set; }
#endif

        public double Lng { get; set; }
    }

#if EF10
    public class Contact
    {
        public string Name { get; set; } = null!;

#if !STEP5
        public string? Phone { get; set; }
#endif
    }

    public class SupplierProfile
    {
        public string? Website { get; set; }

        public int Rating { get; set; }
    }
#endif

    // A keyless entity mapped to a view: no table.
    public class CustomerSummary
    {
        public string Name { get; set; } = null!;

#if !STEP5
        public int OrderCount { get; set; }
#endif
    }

    // A table the model maps but migrations do not manage (ExcludeFromMigrations).
    public class LegacyUser
    {
        public int Id { get; set; }

        public string Login { get; set; } = null!;

#if !STEP5
        public string? PasswordHash { get; set; }
#endif
    }

    // A table in its own schema: billing, moved to archive in step 2.
    public class Invoice
    {
        public int Id { get; set; }

        public string Number { get; set; } = null!;

#if !STEP8
        public decimal Total { get; set; }
#endif
    }
}
