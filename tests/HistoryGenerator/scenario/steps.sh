# The "shop" scenario's steps, sourced by generate.sh (see README.md there).
steps=(Initial AddLoyaltyPoints RemoveFaxFromModel DropFax RemovePhone RemoveHomeCity RemoveEmail RemoveBreed)

# edit_step NAME FILE: the hand edits after scaffolding step NAME into FILE.
edit_step() {
  case "$1" in
    RemoveFaxFromModel)
      # Hand edit 1: the model stops mapping Fax but the column stays.
      cut_statement "$2" Up \
        '[ \t]*migrationBuilder\.DropColumn\(\s*name: "Fax",\s*table: "Customers"\);\r?\n' \
        "$work/fax-drop.txt"
      cut_statement "$2" Down \
        '[ \t]*migrationBuilder\.AddColumn<string>\(\s*name: "Fax",\s*table: "Customers",[^;]*\);\r?\n' \
        "$work/fax-add.txt"
      ;;
    DropFax)
      # Hand edit 2: the empty migration drops the column that step 3 left.
      put_statement "$2" Up "$work/fax-drop.txt"
      put_statement "$2" Down "$work/fax-add.txt"
      ;;
  esac
}
