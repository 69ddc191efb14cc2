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

    /// <summary>Registers the rule's actions. Called once per run, never per document.</summary>
    public abstract void Initialize(StrategyAnalysisContext context);
}
