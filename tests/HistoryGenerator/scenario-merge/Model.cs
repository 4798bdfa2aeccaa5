// The "merge" scenario's model: two branches of one history, scaffolded apart and
// merged as git leaves them (see steps.sh). generate.sh compiles it once per step
// with the symbols STEP2 .. STEPn defined; MERGED is defined only for the scratch
// scaffold that writes the merged snapshot.
namespace Fixtures
{
    public class Customer
    {
        public int Id { get; set; }

        public string Name { get; set; } = null!;

        // Branch B, step 3 (AddPhone).
#if STEP3
        public string? Phone { get; set; }
#endif
    }

    public class Order
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        // Branch B, step 4 (AddNote).
#if STEP4
        public string? Note { get; set; }
#endif
    }

#if (STEP2 && !STEP3) || MERGED || STEP5
    // Branch A, step 2 (AddTags); back in the model once the branches are merged.
    public class Tag
    {
        public int Id { get; set; }

        // Renamed from Name to Label after the merge (step 5).
#if STEP5
        public string Label { get; set; } = null!;
#else
        public string Name { get; set; } = null!;
#endif

        // Removed after the merge (step 5): DropColumn, as scaffolded.
#if !STEP5
        public string Color { get; set; } = null!;
#endif
    }
#endif
}
