# The "shapes" scenario's steps, sourced by generate.sh. One "dotnet ef
# migrations add" per step, in this order; step n compiles Model.cs and
# ShapesContext.cs with the symbols STEP2..STEPn defined. Table names are EF's
# defaults (the CLR type name) unless ShapesContext names them.
steps=(
  Initial                     # 1: every shape, default schema "shop", Invoices in "billing"
  MoveInvoicesToArchive       # 2: RenameTable that only moves Invoices to schema "archive"
  RemoveFromModel             # 3: model-only removals, one per shape (hand edit: drops cut); the required Quantity is BG0007
  DropRemovedColumns          # 4: second half: the drops cut in step 3 (hand edit: drops put)
  RemoveUnmigratedProperties  # 5: properties inside JSON, of a view, of an excluded table: nothing to drop
  RemoveOwnedColumns          # 6: owned nested, owned with its own table, OwnsMany, a whole JSON owned type
  RemoveInheritedColumns      # 7: TPT derived column, TPC root column (one drop per concrete table)
  RemoveMappedColumns         # 8: HasColumnName "Display Name", split-table column WeightKg, schema archive
  RemoveComplexColumns        # 9: complex type column, primitive collection, EF 10 complex collection (JSON)
  RemoveFromModelPending      # 10: model-only removals whose drop has not come yet (hand edit: drops cut)
)

# edit_step NAME FILE: the hand edits after scaffolding step NAME into FILE.
edit_step() {
  case "$1" in
    RemoveFromModel)
      "$here/edit-migration.pl" cut "$2" "$work/saved" \
        Trucks.Payload CashPayments.Till ProductDetails.Description Customer.Home_Location_Lat \
        BillingAddresses.Country OrderLine.Quantity Supplier.Address_Geo_Lat
      ;;
    DropRemovedColumns)
      "$here/edit-migration.pl" put "$2" "$work/saved"
      ;;
    RemoveFromModelPending)
      "$here/edit-migration.pl" cut "$2" "$work/saved" Customer.Nickname Vehicle.Color
      ;;
  esac
}
