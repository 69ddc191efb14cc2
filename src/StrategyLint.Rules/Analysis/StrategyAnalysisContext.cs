using StrategyLint.Syntax;

namespace StrategyLint.Analysis;

/// <summary>Where a rule registers what it wants to be called for.</summary>
public sealed class StrategyAnalysisContext
{
    internal List<Action<DocumentAnalysisContext>> DocumentActions { get; } = [];
    internal List<Action<SectionAnalysisContext>> SectionActions { get; } = [];
    internal List<(BlockKind[] Kinds, Action<BlockAnalysisContext> Action)> BlockActions { get; } = [];

    /// <summary>Called once per document, before sections and blocks.</summary>
    public void RegisterDocumentAction(Action<DocumentAnalysisContext> action)
        => DocumentActions.Add(action ?? throw new ArgumentNullException(nameof(action)));

    /// <summary>Called for every section that has a heading, in document order.</summary>
    public void RegisterSectionAction(Action<SectionAnalysisContext> action)
        => SectionActions.Add(action ?? throw new ArgumentNullException(nameof(action)));

    /// <summary>Called for every block of the given kinds (all kinds when none is given), at any depth, in document order.</summary>
    public void RegisterBlockAction(Action<BlockAnalysisContext> action, params BlockKind[] kinds)
        => BlockActions.Add((kinds, action ?? throw new ArgumentNullException(nameof(action))));
}
