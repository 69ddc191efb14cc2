using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StrategyLint.Analysis;

/// <summary>
/// The base type of every rule, built-in or user-written. Modelled on Roslyn's <c>DiagnosticAnalyzer</c>:
/// the rule declares its descriptors up front and, in <see cref="Initialize"/>, registers actions for the
/// node kinds it wants to see (document, section, block). The engine walks each document once and calls them.
/// </summary>
public abstract class StrategyRule
{
    /// <summary>The diagnostics this rule can report.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The profiles (document types) the rule runs for; null, the default, means every profile.</summary>
    public virtual IReadOnlyCollection<string>? Profiles => null;

    /// <summary>
    /// The topic this rule checks a draft covers, shown as a column of the coverage matrix (a finding of
    /// <see cref="CoverageTopic.DiagnosticId"/> means "missing"); null, the default, keeps the rule out of the matrix.
    /// </summary>
    public virtual CoverageTopic? Coverage => null;

    /// <summary>Registers the rule's actions. Called once per run, never per document.</summary>
    public abstract void Initialize(StrategyAnalysisContext context);
}

/// <summary>A column of the coverage matrix: the diagnostic that reports the topic missing, and a short label.</summary>
/// <remarks>
/// Another rule marks the topic as only thinly covered by reporting a finding whose properties hold
/// <see cref="ThinProperty"/> = the topic's diagnostic id (SL2010 does this for the focus areas).
/// </remarks>
public sealed record CoverageTopic(string DiagnosticId, string Label)
{
    /// <summary>The finding property that marks a topic as thin rather than missing.</summary>
    public const string ThinProperty = "thinCoverageOf";
}
