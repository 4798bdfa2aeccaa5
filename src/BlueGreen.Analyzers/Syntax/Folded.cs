namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>
    /// A string argument as far as the reader could fold it: a known value (possibly null),
    /// or unknown (a non-constant expression). Unknown is never guessed at.
    /// </summary>
    internal readonly struct Folded
    {
        public static readonly Folded Unknown = default;
        public static readonly Folded Null = new Folded(null);

        public Folded(string? value)
        {
            IsKnown = true;
            Value = value;
        }

        public bool IsKnown { get; }

        public string? Value { get; }
    }
}
