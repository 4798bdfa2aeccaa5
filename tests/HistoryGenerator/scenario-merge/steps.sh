# The "merge" scenario's steps, sourced by generate.sh (see README.md there): a
# history made on two branches and merged, as a team's is. Branch A adds the Tags
# table; branch B, started from Initial, adds two columns without knowing Tags, so
# its designers lack Tags; after the merge, a migration renames and drops columns
# of Tags. Step n compiles Model.cs and ShopContext.cs with STEP2..STEPn defined.
steps=(
  Initial        # 1: Customers, Orders
  AddTags        # 2 (branch A): CreateTable Tags (Name, Color)
  AddPhone       # 3 (branch B, from Initial's snapshot): AddColumn Customers.Phone; its designer lacks Tags
  AddNote        # 4 (branch B): AddColumn Orders.Note; its designer lacks Tags
  RenameTagLabel # 5 (merged): RenameColumn Tags.Name to Label, DropColumn Tags.Color, as scaffolded
)

# edit_step NAME FILE: what git and the developer do between the steps.
edit_step() {
  local snapshot="$migrations/ShopContextModelSnapshot.cs"
  case "$1" in
    Initial)
      # Where branch B starts.
      cp "$snapshot" "$work/initial-snapshot.cs"
      ;;
    AddTags)
      # Branch B was made from Initial: its snapshot does not know Tags. Branch
      # A's migration files stay: the merge brings them.
      cp "$work/initial-snapshot.cs" "$snapshot"
      ;;
    AddNote)
      # The merge: both branches' migrations, and the snapshot of the merged
      # model, which the developer resolves the conflict to. EF writes it here
      # for the merged model (MERGED) in a scaffold whose migration is thrown
      # away (from B's snapshot it would create Tags again).
      cat >"$project/Directory.Build.props" <<PROPS
<Project>
  <PropertyGroup>
    <DefineConstants>\$(DefineConstants);STEP2;STEP3;STEP4;MERGED</DefineConstants>
  </PropertyGroup>
</Project>
PROPS
      run dotnet ef migrations add MergeScratch --project "$project/Shop.csproj" --output-dir Migrations
      rm -f "$migrations"/*_MergeScratch.cs "$migrations"/*_MergeScratch.Designer.cs
      ;;
  esac
}
