#!/usr/bin/perl
# Hand edits of scaffolded migrations, for what EF cannot scaffold: the two
# halves of a safe (expand/contract) column removal. See README.md.
#
#   edit-migration.pl cut FILE SAVED TABLE.COLUMN...
#     In FILE (a migration, not its designer), removes from Up the scaffolded
#     DropColumn of each TABLE.COLUMN and from Down the matching AddColumn,
#     exactly one of each, and appends their text, unchanged, to SAVED.up and
#     SAVED.down. Up and Down must then be empty; they are left as EF writes
#     an empty body (a single blank line).
#   edit-migration.pl cut-keep FILE SAVED TABLE.COLUMN...
#     The same cut, in a migration that also changes something else: the
#     other statements of Up and Down stay, in their order and unchanged. Up
#     must keep at least one statement (otherwise the migration is a
#     model-only removal: use cut).
#   edit-migration.pl put FILE SAVED
#     Up and Down of FILE must be empty (a migration without model change);
#     fills them with the statements saved in SAVED.up and SAVED.down, in the
#     order they were cut, separated by a blank line as EF separates them, and
#     empties SAVED.
#
# Fails (exit code 1, with the reason) when a body is not what it expects.
use strict;
use warnings;

sub slurp { my ($file) = @_; open my $in, "<:raw", $file or die "$file: $!\n"; local $/; my $text = <$in>; close $in; return $text; }
sub spit { my ($file, $text) = @_; open my $out, ">:raw", $file or die "$file: $!\n"; print $out $text; close $out; }

# The statements of METHOD's body in SRC (EF separates statements by one blank
# line and never writes one inside a statement), and a function that puts a
# new list of statements back.
sub body {
    my ($src, $method, $file) = @_;
    my $re = qr/^([ \t]*)protected override void \Q$method\E\(MigrationBuilder migrationBuilder\)(\r?\n)\1\{\r?\n(.*?)^\1\}/ms;
    my @all = ($src =~ /$re/g);
    @all == 3 or die "edit-migration.pl: $file: expected exactly one $method method\n";
    my ($indent, $nl, $body) = @all;
    my @statements = grep { /\S/ } split /\r?\n[ \t]*\r?\n/, $body;
    s/\r?\n\z// for @statements;
    my $put = sub {
        my ($text, @new) = @_;
        my $newBody = @new ? join("$nl$nl", @new) . $nl : $nl;
        $text =~ s/$re/$1protected override void $method(MigrationBuilder migrationBuilder)$2$1\{$2$newBody$1\}/ms or die;
        return $text;
    };
    return (\@statements, $put, $nl);
}

sub append_saved {
    my ($file, $nl, @statements) = @_;
    my $old = -e $file ? slurp($file) : "";
    my $text = join("$nl$nl", ($old eq "" ? () : $old), @statements);
    spit($file, $text);
}

my $command = shift @ARGV // "";
if ($command eq "cut" || $command eq "cut-keep") {
    my ($file, $saved, @columns) = @ARGV;
    @columns or die "edit-migration.pl: $command needs TABLE.COLUMN arguments\n";
    my $src = slurp($file);
    my ($up, $putUp, $nl) = body($src, "Up", $file);
    my ($down, $putDown) = body($src, "Down", $file);
    my (@cutUp, @cutDown);
    for my $spec (@columns) {
        my ($table, $column) = $spec =~ /^([^.]+)\.(.+)$/ or die "edit-migration.pl: bad TABLE.COLUMN '$spec'\n";
        my $head = qr/name: "\Q$column\E",(?:\s*schema: "[^"]*",)?\s*table: "\Q$table\E"/;
        my @drop = grep { $up->[$_] =~ /^\s*migrationBuilder\.DropColumn\(\s*$head\);\s*\z/ } 0 .. $#$up;
        @drop == 1 or die "edit-migration.pl: $file: Up has " . scalar(@drop) . " DropColumn of $spec, expected 1\n";
        my @add = grep { $down->[$_] =~ /^\s*migrationBuilder\.AddColumn<[^>]+>\(\s*$head,/ } 0 .. $#$down;
        @add == 1 or die "edit-migration.pl: $file: Down has " . scalar(@add) . " AddColumn of $spec, expected 1\n";
        push @cutUp, splice(@$up, $drop[0], 1);
        push @cutDown, splice(@$down, $add[0], 1);
    }
    if ($command eq "cut") {
        if (@$up || @$down) {
            die "edit-migration.pl: $file: after the cut, Up or Down is not empty:\n" . join("\n\n", @$up, @$down) . "\n";
        }
    }
    elsif (!@$up) {
        die "edit-migration.pl: $file: after the cut, Up is empty: nothing else to keep (use cut for a model-only removal)\n";
    }
    $src = $putUp->($src, @$up);
    $src = $putDown->($src, @$down);
    spit($file, $src);
    append_saved("$saved.up", $nl, @cutUp);
    append_saved("$saved.down", $nl, @cutDown);
}
elsif ($command eq "put") {
    my ($file, $saved) = @ARGV;
    my $src = slurp($file);
    my ($up, $putUp, $nl) = body($src, "Up", $file);
    my ($down, $putDown) = body($src, "Down", $file);
    (!@$up && !@$down) or die "edit-migration.pl: $file: Up or Down is not empty\n";
    my @savedUp = grep { /\S/ } split /\r?\n[ \t]*\r?\n/, slurp("$saved.up");
    my @savedDown = grep { /\S/ } split /\r?\n[ \t]*\r?\n/, slurp("$saved.down");
    (@savedUp && @savedDown) or die "edit-migration.pl: nothing saved in $saved\n";
    $src = $putUp->($src, @savedUp);
    $src = $putDown->($src, @savedDown);
    spit($file, $src);
    unlink "$saved.up", "$saved.down";
}
else {
    die "usage: edit-migration.pl cut FILE SAVED TABLE.COLUMN... | cut-keep FILE SAVED TABLE.COLUMN... | put FILE SAVED\n";
}
