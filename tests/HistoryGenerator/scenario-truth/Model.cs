// The "truth" scenario's model: each step is a separate release whose migration
// does (or, after a hand edit, does not do) what a blue/green deployment has to
// survive (see steps.sh). generate.sh compiles it once per step with the symbols
// STEP2 .. STEPn defined (n = the step being scaffolded), so "#if STEPn" /
// "#if !STEPn" switch a member at step n for good.
namespace Fixtures
{
    public class Customer
    {
        public int Id { get; set; }

        // Renamed from Name to FullName in step 6 (RenameNameToFullName).
#if STEP6
        public string FullName { get; set; } = null!;
#else
        public string Name { get; set; } = null!;
#endif

        // Removed in step 2 (RemoveFax): the scaffolded DropColumn is kept.
#if !STEP2
        public string Fax { get; set; } = null!;
#endif

        // Optional from step 5 (LoosenEmail).
#if STEP5
        public string? Email { get; set; }
#else
        public string Email { get; set; } = null!;
#endif

        // Removed from the model in step 3 (RemovePhoneDefaultPoints); the
        // DropColumn is cut (hand edit), so the column stays in the database.
#if !STEP3
        public string? Phone { get; set; }
#endif

        // Given a database default in step 3 (RemovePhoneDefaultPoints, see
        // ShopContext): an AlterColumn on every provider, which SQLite runs as
        // a rebuild of the table from the migration's target model.
        public int LoyaltyPoints { get; set; }
    }

    // Table-per-hierarchy: Animal, Dog and Cat share the Animals table.
    public class Animal
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;
    }

    public class Dog : Animal
    {
        // Required in the model, nullable in the database (a TPH column).
        // Removed from the model in step 4 (RemoveBreedFromModel); the
        // DropColumn is cut (hand edit), so the column stays.
#if !STEP4
        public string Breed { get; set; } = null!;
#endif
    }

    public class Cat : Animal
    {
        public bool Indoor { get; set; }
    }

    public class Order
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        public Customer Customer { get; set; } = null!;

        public string? Note { get; set; }
    }
}
