using Markdig.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>One parsed draft: its text, Markdig tree, front matter and section tree.</summary>
public sealed class StrategyDocument
{
    private readonly char[] _prose;
    private SourceText? _sourceText;
    private LineMap? _lines;
    private string? _proseText;
    private readonly Dictionary<object, object> _analysis = [];

    internal StrategyDocument(string path, string text, MarkdownDocument syntax, char[] prose)
    {
        Path = path;
        Text = text;
        Syntax = syntax;
        _prose = prose;
    }

    /// <summary>The spans of HTML blocks and inline HTML (comments included), in document order.</summary>
    internal IReadOnlyList<TextSpan> HtmlSpans { get; init; } = [];

    /// <summary>The path as shown in findings (relative to the working folder where possible).</summary>
    public string Path { get; }

    /// <summary>The document text (a byte-order mark removed; line endings as in the file).</summary>
    public string Text { get; }

    /// <summary>The Markdig tree, for rules that need more than the section model offers.</summary>
    public MarkdownDocument Syntax { get; }

    /// <summary>The front matter (empty when the document has none).</summary>
    public FrontMatter FrontMatter { get; internal set; } = FrontMatter.None;

    /// <summary>
    /// The language the rules read the document in: front matter <c>language</c>, else detected from the prose, else
    /// English (see <see cref="DocumentLanguage.Reason"/>). Resolved on first use.
    /// </summary>
    public DocumentLanguage Language => _language ??= Languages.LanguageDetector.Resolve(this);

    private DocumentLanguage? _language;

    /// <summary>The root of the section tree.</summary>
    public Section Root { get; internal set; } = null!;

    /// <summary>Every section with a heading, in document order.</summary>
    public IReadOnlyList<Section> Sections { get; internal set; } = [];

    /// <summary>Every block at any depth, in document order.</summary>
    public IReadOnlyList<BlockNode> Blocks { get; internal set; } = [];

    /// <summary>The first level-1 section (the title), or null when the draft has none.</summary>
    public Section? TitleSection { get; internal set; }

    /// <summary>
    /// Where a "something is missing" finding goes: the title heading, or the first line when there is no title.
    /// </summary>
    public TextSpan AnchorSpan
    {
        get
        {
            if (TitleSection?.Heading is { } heading)
                return heading.Span;
            var end = Text.IndexOfAny(['\r', '\n']);
            return new TextSpan(0, end < 0 ? Text.Length : end);
        }
    }

    /// <summary>Roslyn's line table over <see cref="Text"/>, built on first use.</summary>
    public SourceText SourceText => _sourceText ??= SourceText.From(Text);

    /// <summary>The prose of the whole document: code, HTML, link targets and front matter blanked out (built once; every rule scans it).</summary>
    public string Prose => _proseText ??= new string(_prose);

    /// <summary>The prose within a span; offsets within it map one to one onto <see cref="Text"/>.</summary>
    public string GetProse(TextSpan span) => new(_prose, span.Start, span.Length);

    /// <summary>The prose within a span, without copying.</summary>
    public ReadOnlySpan<char> GetProseSpan(TextSpan span) => _prose.AsSpan(span.Start, span.Length);

    /// <summary>
    /// Work several rules share on this document (its word index, a focus area's coverage), computed once.
    /// Keys are chosen by the code that owns the value (a type, or a rule instance). One thread lints a
    /// document, so there is no locking.
    /// </summary>
    internal T GetOrAddAnalysis<T>(object key, Func<StrategyDocument, T> create)
        where T : class
    {
        if (_analysis.TryGetValue(key, out var value))
            return (T)value;
        var created = create(this);
        _analysis[key] = created;
        return created;
    }

    /// <summary>
    /// 0-based line and character of a span (UTF-16 code units, as SARIF and editors count). Lines end at CR LF,
    /// LF and CR only, as on GitHub (unlike <see cref="SourceText"/>, which also breaks at U+2028, U+2029, U+0085).
    /// </summary>
    public LinePositionSpan GetLinePositionSpan(TextSpan span) => Lines.Span(span);

    /// <summary>The number of lines, counted as GitHub counts them.</summary>
    public int LineCount => Lines.Count;

    private LineMap Lines => _lines ??= new LineMap(Text);
}
