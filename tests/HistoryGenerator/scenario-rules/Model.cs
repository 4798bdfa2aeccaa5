// The "rules" scenario's model: each step makes EF's own scaffolder write the
// operation one rule is about (see steps.sh). generate.sh compiles it once per
// step with the symbols STEP2 .. STEPn defined (n = the step being scaffolded),
// so "#if STEPn" / "#if !STEPn" switch a member at step n for good.
namespace Fixtures
{
    public class Product
    {
        public int Id { get; set; }

        // HasMaxLength(200); 50 from step 5 (ShortenProductName).
        public string Name { get; set; } = null!;

        // HasMaxLength(100); 500 from step 8 (WidenDescription).
        public string? Description { get; set; }

        // HasPrecision(18, 2).
        public decimal Price { get; set; }

        // Renamed from Sku to Code in step 2 (RenameSku).
#if STEP2
        public string? Code { get; set; }
#else
        public string? Sku { get; set; }
#endif

        // Added, required, in step 7 (AddProductRating).
#if STEP7
        public int Rating { get; set; }
#endif
    }

    // Mapped to the table ProductCategories from step 3 (RenameCategories).
    public class Category
    {
        public int Id { get; set; }

        public string Title { get; set; } = null!;
    }

    // Removed from the model in step 4 (DropCoupons).
#if !STEP4
    public class Coupon
    {
        public int Id { get; set; }

        public string Code { get; set; } = null!;
    }
#endif

    public class Order
    {
        public int Id { get; set; }

        // Required from step 6 (RequireOrderNote).
#if STEP6
        public string Note { get; set; } = null!;
#else
        public string? Note { get; set; }
#endif
    }

    public class Supplier
    {
        public int Id { get; set; }

        // Removed from the model in step 9 (RemoveSupplierNameFromModel); the
        // column stays in the database (hand edit), NOT NULL without default.
#if !STEP9
        public string Name { get; set; } = null!;
#endif

        // Removed from the model in step 10 (RemoveSupplierPhoneFromModel); the
        // column stays in the database (hand edit), nullable.
#if !STEP10
        public string? Phone { get; set; }
#endif
    }
}
