# The "locks" scenario's steps, sourced by generate.sh (see README.md there). One
# "dotnet ef migrations add" per step, in this order; step n compiles Model.cs and
# ShopContext.cs with the symbols STEP2..STEPn defined. Each step is a release of
# its own. Nothing is edited by hand: every migration is as EF wrote it.
steps=(
  Initial                  # 1: Customers, Orders (FK to Customers): the index on Orders.CustomerId is built with its new table
  IndexCustomerName        # 2: an index on the existing Customers: CreateIndex (PostgreSQL: without CONCURRENTLY)
  IndexRegionConcurrently  # 3: PostgreSQL: an index IsCreatedConcurrently, alone in its migration; others: a plain index
  AddOrderReference        # 4: Order.Reference (default gen_random_uuid(): volatile) and Order.PlacedAt (default now(): stable)
  WidenOrderNumber         # 5: Order.Number int to long: AlterColumn integer to bigint (SQLite: nothing, INTEGER both)
  WidenCustomerName        # 6: Customer.Name max length 100 to 200 (SQLite: nothing)
  RequireCustomerEmail     # 7: Customer.Email required: AlterColumn nullable to NOT NULL with defaultValue ""
  AddTierWithIndex         # 8: Customer.Tier added and (PostgreSQL) indexed concurrently in the same migration
  AddOrderStore            # 9: a new Stores table and Order.StoreId (optional): AddForeignKey on the existing Orders (and its index)
  CheckCustomerId          # 10: a check constraint on the existing Customers: AddCheckConstraint
)

# edit_step NAME FILE: no hand edits in this scenario.
edit_step() {
  :
}
