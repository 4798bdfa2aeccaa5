# The "rules" scenario's steps, sourced by generate.sh (see README.md there). One
# "dotnet ef migrations add" per step, in this order; step n compiles Model.cs and
# ShopContext.cs with the symbols STEP2..STEPn defined. Each step makes EF itself
# scaffold the operation one rule is about (S = the previous migration's model).
steps=(
  Initial                       # 1: Products, Categories, Coupons, Orders, Suppliers
  RenameSku                     # 2: Product.Sku renamed Code: RenameColumn (BG0002)
  RenameCategories              # 3: Category.ToTable("ProductCategories"): RenameTable (BG0004)
  DropCoupons                   # 4: Coupon removed: DropTable (BG0003)
  ShortenProductName            # 5: Name max length 200 -> 50: AlterColumn (BG0006; SQLite: nothing)
  RequireOrderNote              # 6: Order.Note required: AlterColumn to NOT NULL, default "" (BG0006)
  AddProductRating              # 7: required int Rating: AddColumn with defaultValue 0 (no BG0005)
  WidenDescription              # 8: Description max length 100 -> 500: widening AlterColumn (nothing)
  RemoveSupplierNameFromModel   # 9: Supplier.Name removed, column kept NOT NULL (hand edit; BG0007)
  RemoveSupplierPhoneFromModel  # 10: Supplier.Phone removed, column kept nullable (hand edit; nothing)
)

# edit_step NAME FILE: the hand edits after scaffolding step NAME into FILE.
edit_step() {
  case "$1" in
    RemoveSupplierNameFromModel)
      # Model-only removal: the DropColumn leaves Up, its AddColumn leaves Down.
      "$here/edit-migration.pl" cut "$2" "$work/saved" Suppliers.Name
      ;;
    RemoveSupplierPhoneFromModel)
      "$here/edit-migration.pl" cut "$2" "$work/saved" Suppliers.Phone
      ;;
  esac
}
