// The "locks" scenario's model: each step makes EF scaffold one operation that
// PostgreSQL runs under a lock the running version waits on, or one that looks
// alike and does not (see steps.sh). generate.sh compiles it once per step with
// the symbols STEP2 .. STEPn defined (n = the step being scaffolded), so
// "#if STEPn" / "#if !STEPn" switch a member at step n for good.
using System;

namespace Fixtures
{
    public class Customer
    {
        public int Id { get; set; }

        // Indexed in step 2 (IndexCustomerName); max length 100, then 200 from
        // step 6 (WidenCustomerName), see ShopContext.
        public string Name { get; set; } = null!;

        // Required from step 7 (RequireCustomerEmail).
#if STEP7
        public string Email { get; set; } = null!;
#else
        public string? Email { get; set; }
#endif

        // Indexed concurrently in step 3 (IndexRegionConcurrently).
        public string? Region { get; set; }

        // Added in step 8 (AddTierWithIndex), indexed concurrently in the same migration.
#if STEP8
        public int Tier { get; set; }
#endif
    }

    public class Order
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        public Customer Customer { get; set; } = null!;

        // bigint from step 5 (WidenOrderNumber).
#if STEP5
        public long Number { get; set; }
#else
        public int Number { get; set; }
#endif

        // Added in step 4 (AddOrderReference), each with a default the database
        // computes (see ShopContext): a volatile one and a stable one.
#if STEP4
        public Guid Reference { get; set; }

        public DateTime PlacedAt { get; set; }
#endif

        // Added in step 9 (AddOrderStore): a new table, and a foreign key to it
        // from the existing Orders, which PostgreSQL validates over every order.
#if STEP9
        public int? StoreId { get; set; }

        public Store? Store { get; set; }
#endif
    }

#if STEP9
    public class Store
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;
    }
#endif
}
