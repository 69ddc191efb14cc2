using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Analysis;

/// <summary>One reported problem, with its effective severity and position.</summary>
internal sealed record Finding(
    DiagnosticDescriptor Descriptor,
    string Path,
    TextSpan Span,
    LinePositionSpan Position,
    string Message,
    RuleSeverity Severity,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    public string Id => Descriptor.Id;

    /// <summary>GitHub's <c>primaryLocationLineHash</c> of the start line, set by the linter from the file's bytes.</summary>
    public string? LineHash { get; init; }

    /// <summary>The fix the rule offers, or null.</summary>
    public StrategyFix? Fix { get; init; }

    /// <summary>Why the finding is suppressed, or null when it is not.</summary>
    public FindingSuppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>1-based line, as editors and SARIF count.</summary>
    public int Line => Position.Start.Line + 1;

    /// <summary>1-based column in UTF-16 code units.</summary>
    public int Column => Position.Start.Character + 1;

    public int EndLine => Position.End.Line + 1;

    /// <summary>The column of the character after the region (SARIF's endColumn).</summary>
    public int EndColumn => Position.End.Character + 1;

    /// <summary>Deterministic order: file, position, id.</summary>
    public static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = a.Span.Start.CompareTo(b.Span.Start);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    /// <summary>The MSBuild/Roslyn canonical shape: <c>path(line,col): warning SL1002: message</c>.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): {Severity.ToName()} {Id}: {Message}";
}

/// <summary>How a finding was suppressed: in the document (<c>inSource</c>) or by a baseline (<c>external</c>), and the reason given.</summary>
internal sealed record FindingSuppression(string Kind, string? Justification)
{
    public const string InSource = "inSource";
    public const string External = "external";
}
