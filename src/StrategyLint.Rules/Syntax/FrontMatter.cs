using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StrategyLint.Syntax;

/// <summary>The YAML front matter of a document: the keys the tool understands and the raw values.</summary>
public sealed class FrontMatter
{
    internal static readonly FrontMatter None = new(default, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, null, default);

    private Dictionary<string, YamlNode> _nodes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The YAML value node of each top-level key, for positioned diagnostics.</summary>
    internal IReadOnlyDictionary<string, YamlNode> Nodes => _nodes;

    private readonly IReadOnlyDictionary<string, string> _scalars;

    private FrontMatter(TextSpan span, IReadOnlyDictionary<string, string> scalars, YamlMappingNode? settings, string? error, TextSpan errorSpan)
    {
        Span = span;
        _scalars = scalars;
        Settings = settings;
        Error = error;
        ErrorSpan = errorSpan;
    }

    /// <summary>True when the document has a front matter block.</summary>
    public bool Exists => Span.Length > 0;

    /// <summary>The front matter block, both <c>---</c> fences included.</summary>
    public TextSpan Span { get; }

    /// <summary>The <c>type</c> key: the profile the document declares.</summary>
    public string? Type => this["type"];

    /// <summary>The <c>title</c> key.</summary>
    public string? Title => this["title"];

    /// <summary>The <c>country</c> key.</summary>
    public string? Country => this["country"];

    /// <summary>The <c>language</c> key (for example <c>en</c>, <c>fr</c>).</summary>
    public string? Language => this["language"];

    /// <summary>A top-level scalar value by key (case-insensitive), or null.</summary>
    public string? this[string key] => _scalars.TryGetValue(key, out var value) ? value : null;

    /// <summary>All top-level scalar keys and values.</summary>
    public IReadOnlyDictionary<string, string> Values => _scalars;

    internal YamlMappingNode? Settings { get; }

    internal string? Error { get; }

    internal TextSpan ErrorSpan { get; }

    /// <summary>
    /// Parses the YAML between the fences; a syntax error, or a front matter beyond <see cref="FrontMatterLimits"/>,
    /// is kept (with its position) rather than thrown.
    /// </summary>
    internal static FrontMatter Parse(string text, TextSpan blockSpan)
    {
        // The content starts on the line after the opening fence.
        var contentStart = text.IndexOf('\n', blockSpan.Start) + 1;
        if (contentStart <= 0 || contentStart > blockSpan.End)
            return new FrontMatter(blockSpan, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, null, default);
        var closing = text.LastIndexOf('\n', Math.Max(contentStart, blockSpan.End - 1));
        var contentEnd = closing >= contentStart ? closing : contentStart;
        var yaml = text[contentStart..contentEnd];
        var scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (FrontMatterLimits.Check(yaml) is { } refused)
            {
                var at = refused.Start.Line > 0 ? OffsetOf(yaml, refused.Start.Line, refused.Start.Column) : 0;
                return new FrontMatter(blockSpan, scalars, null, refused.Message, new TextSpan(contentStart + at, 0));
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            YamlMappingNode? settings = null;
            var nodes = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                foreach (var (key, value) in root.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                        continue;
                    nodes[name] = value;
                    if (value is YamlScalarNode { Value: { } scalar })
                        scalars[name] = scalar;
                    else if (name.Equals("strategylint", StringComparison.OrdinalIgnoreCase) && value is YamlMappingNode map)
                        settings = map;
                }
            }
            return new FrontMatter(blockSpan, scalars, settings, null, default) { _nodes = nodes };
        }
        catch (YamlException ex)
        {
            var offset = OffsetOf(yaml, ex.Start.Line, ex.Start.Column);
            var errorSpan = new TextSpan(contentStart + offset, 0);
            var reason = ex.InnerException?.Message ?? ex.Message;
            return new FrontMatter(blockSpan, scalars, null, $"The front matter is not valid YAML: {reason.TrimEnd('.')}. Its keys (type, title, language, strategylint) are ignored until it is fixed.", errorSpan);
        }
    }

    private static int OffsetOf(string text, long line, long column)
    {
        var offset = 0;
        for (var current = 1L; current < line && offset < text.Length; current++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0) return text.Length;
            offset = next + 1;
        }
        return (int)Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }
}
