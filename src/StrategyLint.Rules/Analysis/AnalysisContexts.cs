using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Syntax;

namespace StrategyLint.Analysis;

/// <summary>How the engine receives a report: descriptor, span, properties, fix, message arguments.</summary>
internal delegate void ReportAction(DiagnosticDescriptor descriptor, TextSpan span, IReadOnlyDictionary<string, string>? properties, StrategyFix? fix, object?[] messageArgs);

/// <summary>What every action receives: the document and a way to report.</summary>
public abstract class AnalysisContext
{
    private readonly ReportAction _report;

    private protected AnalysisContext(StrategyDocument document, ReportAction report, CancellationToken cancellationToken)
    {
        Document = document;
        _report = report;
        CancellationToken = cancellationToken;
    }

    /// <summary>The document being analysed.</summary>
    public StrategyDocument Document { get; }

    /// <summary>Signalled when the run is cancelled or the rule has taken too long.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a finding over a span of <see cref="StrategyDocument.Text"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] messageArgs)
        => _report(descriptor, span, null, null, messageArgs);

    /// <summary>Reports a finding with properties (evidence, quoted passage…) that reach SARIF and JSON output.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs)
        => _report(descriptor, span, properties, null, messageArgs);

    /// <summary>Reports a finding on a block.</summary>
    public void Report(DiagnosticDescriptor descriptor, BlockNode node, params object?[] messageArgs)
        => _report(descriptor, node.Span, null, null, messageArgs);

    /// <summary>Reports a finding with a fix that <c>strategylint --fix</c> can apply.</summary>
    public void ReportWithFix(DiagnosticDescriptor descriptor, TextSpan span, StrategyFix fix, IReadOnlyDictionary<string, string>? properties, params object?[] messageArgs)
        => _report(descriptor, span, properties, fix, messageArgs);

    /// <summary>Reports that something is missing from the document: the finding sits on the title heading (line 1 when there is none).</summary>
    public void ReportMissing(DiagnosticDescriptor descriptor, params object?[] messageArgs)
        => _report(descriptor, Document.AnchorSpan, null, null, messageArgs);
}

/// <summary>The context of a document action.</summary>
public sealed class DocumentAnalysisContext : AnalysisContext
{
    internal DocumentAnalysisContext(StrategyDocument document, ReportAction report, CancellationToken cancellationToken)
        : base(document, report, cancellationToken)
    {
    }
}

/// <summary>The context of a section action.</summary>
public sealed class SectionAnalysisContext : AnalysisContext
{
    internal SectionAnalysisContext(Section section, ReportAction report, CancellationToken cancellationToken)
        : base(section.Document, report, cancellationToken) => Section = section;

    /// <summary>The section being analysed.</summary>
    public Section Section { get; }
}

/// <summary>The context of a block action.</summary>
public sealed class BlockAnalysisContext : AnalysisContext
{
    internal BlockAnalysisContext(BlockNode block, ReportAction report, CancellationToken cancellationToken)
        : base(block.Document, report, cancellationToken) => Block = block;

    /// <summary>The block being analysed.</summary>
    public BlockNode Block { get; }
}
