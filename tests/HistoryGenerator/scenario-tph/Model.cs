// The "tph" scenario's model: when making a column NOT NULL is safe for the
// running version, and when not (see steps.sh). generate.sh compiles it once per
// step with the symbols STEP2 .. STEPn defined.
namespace Fixtures
{
    // Table-per-hierarchy: Animal, Dog and Cat share the Animals table.
    public class Animal
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

        // Optional until step 3 (RequireNickname): the running version writes NULL.
#if STEP3
        public string Nickname { get; set; } = null!;
#else
        public string? Nickname { get; set; }
#endif

        // Step 2 (MoveBreedToAnimal): Breed moves from Dog to every animal.
#if STEP2
        public string Breed { get; set; } = null!;
#endif
    }

    public class Dog : Animal
    {
        // Required, but its column is nullable while only dogs have it: cats' rows leave it NULL.
#if !STEP2
        public string Breed { get; set; } = null!;
#endif

        // Added required in step 4 (AddDogWeight): a nullable column without a default, which the running version's dogs
        // leave NULL; optional from step 6 (LoosenDogWeight): no operation, the column is nullable already.
#if STEP6
        public int? Weight { get; set; }
#elif STEP4
        public int Weight { get; set; }
#endif
    }

    public class Cat : Animal
    {
        public bool Indoor { get; set; }

        // Optional until step 5 (RequireCatColor): no operation, the column stays nullable for dogs' rows.
#if STEP5
        public string Color { get; set; } = null!;
#else
        public string? Color { get; set; }
#endif
    }
}
