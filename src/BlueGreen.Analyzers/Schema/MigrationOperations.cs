using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>The schema operations of one <c>Up</c> or <c>Down</c> method, in order.</summary>
    internal sealed class MigrationOperations
    {
        public static readonly MigrationOperations Empty = new MigrationOperations(System.Array.Empty<SchemaOperation>(), isComplete: true);

        public MigrationOperations(IReadOnlyList<SchemaOperation> operations, bool isComplete)
        {
            Operations = operations;
            IsComplete = isComplete;
        }

        public IReadOnlyList<SchemaOperation> Operations { get; }

        /// <summary>
        /// False when the method holds statements the reader cannot follow (conditions, loops, calls with
        /// non-constant names): the replayed schema after it is then approximate.
        /// </summary>
        public bool IsComplete { get; }
    }
}
