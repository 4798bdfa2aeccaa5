// The scenario's model. generate.sh compiles it once per step with the symbols
// STEP2 .. STEPn defined (n = the step being scaffolded), so each "#if !STEPn"
// block disappears from the model at step n and stays gone afterwards.
namespace Fixtures
{
    public class Customer
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

        // Mapped with HasColumnName("email_address"). Removed in step 7 (RemoveEmail).
#if !STEP7
        public string? Email { get; set; }
#endif

        // Removed from the model in step 3 (RemoveFaxFromModel); the column is
        // dropped by hand one migration later, in step 4 (DropFax).
#if !STEP3
        public string? Fax { get; set; }
#endif

        // Removed in step 5 (RemovePhone).
#if !STEP5
        public string Phone { get; set; } = null!;
#endif

        // Added in step 2 (AddLoyaltyPoints).
#if STEP2
        public int LoyaltyPoints { get; set; }
#endif

        // Owned type sharing the Customers table: columns Home_Street, Home_City.
        public Address Home { get; set; } = null!;
    }

    public class Address
    {
        public string? Street { get; set; }

        // Removed in step 6 (RemoveHomeCity).
#if !STEP6
        public string? City { get; set; }
#endif
    }

    // Table-per-hierarchy: Animal, Dog and Cat share the Animals table.
    public class Animal
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;
    }

    public class Dog : Animal
    {
        // Removed in step 8 (RemoveBreed).
#if !STEP8
        public string? Breed { get; set; }
#endif
    }

    public class Cat : Animal
    {
        public bool Indoor { get; set; }
    }
}
