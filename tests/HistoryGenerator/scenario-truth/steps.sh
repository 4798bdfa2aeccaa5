# The "truth" scenario's steps, sourced by generate.sh (see README.md there). One
# "dotnet ef migrations add" per step, in this order; step n compiles Model.cs and
# ShopContext.cs with the symbols STEP2..STEPn defined. Each step is a release of
# its own.
steps=(
  Initial                 # 1: Customers, Animals (TPH Animal/Dog/Cat), Orders (FK to Customers)
  RemoveFax               # 2: Customer.Fax (required) removed: DropColumn, as scaffolded (unsafe)
  RemovePhoneDefaultPoints # 3: Customer.Phone (nullable) removed, LoyaltyPoints gets a database default: only the AlterColumn stays (hand edit; SQLite rebuilds the table and drops Phone)
  RemoveBreedFromModel    # 4: Dog.Breed (required, TPH column nullable) removed from the model only (hand edit)
  LoosenEmail             # 5: Customer.Email optional: AlterColumn to nullable, as scaffolded
  RenameNameToFullName    # 6: Customer.Name renamed FullName: RenameColumn, as scaffolded
)

# edit_step NAME FILE: the hand edits after scaffolding step NAME into FILE.
edit_step() {
  case "$1" in
    RemovePhoneDefaultPoints)
      # The DropColumn of Phone leaves Up and its AddColumn leaves Down; the
      # AlterColumn of LoyaltyPoints (its new default) stays. The drop is never
      # put back. On SQLite that AlterColumn rebuilds Customers from the
      # migration's target model, which no longer maps Phone.
      "$here/edit-migration.pl" cut-keep "$2" "$work/saved" Customers.Phone
      ;;
    RemoveBreedFromModel)
      # Model-only removal: the DropColumn leaves Up, its AddColumn leaves Down.
      "$here/edit-migration.pl" cut "$2" "$work/saved" Animals.Breed
      ;;
  esac
}
