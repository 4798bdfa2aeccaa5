# The "tph" scenario's steps, sourced by generate.sh (see README.md there). Each
# step is a release of its own; everything is as EF scaffolds it.
steps=(
  Initial           # 1: Animals (TPH Animal/Dog/Cat): Breed nullable (only dogs have it), Nickname nullable
  MoveBreedToAnimal # 2: Breed moves to Animal, required: AlterColumn Breed to NOT NULL with defaultValue ""
  RequireNickname   # 3: Nickname required: AlterColumn Nickname to NOT NULL with defaultValue ""
  AddDogWeight      # 4: Dog.Weight added, required: AddColumn nullable (TPH), no default
  RequireCatColor   # 5: Cat.Color (optional) made required: nothing, the column stays nullable
  LoosenDogWeight   # 6: Dog.Weight (required) made optional: nothing, the column is nullable already
)

edit_step() {
  :
}
