using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>
/// A heading and everything under it up to the next heading of the same or a higher rank.
/// The root section (level 0, no heading) holds what comes before the first heading.
/// </summary>
public sealed class Section
{
    private readonly List<BlockNode> _blocks = [];
    private readonly List<Section> _subsections = [];

    internal Section(StrategyDocument document, BlockNode? heading, string title, int level, Section? parent, int start)
    {
        Document = document;
        Heading = heading;
        Title = title;
        Level = level;
        Parent = parent;
        Span = new TextSpan(start, 0);
    }

    /// <summary>The document this section belongs to.</summary>
    public StrategyDocument Document { get; }

    /// <summary>The heading block, or null for the root section.</summary>
    public BlockNode? Heading { get; }

    /// <summary>The heading's plain text (markup removed, trimmed); empty for the root.</summary>
    public string Title { get; }

    /// <summary>The heading level (1–6), or 0 for the root.</summary>
    public int Level { get; }

    /// <summary>The enclosing section, or null for the root.</summary>
    public Section? Parent { get; }

    /// <summary>From the heading's first character to the next heading of the same or higher rank (end exclusive).</summary>
    public TextSpan Span { get; private set; }

    /// <summary>The blocks directly under the heading, before the first subsection.</summary>
    public IReadOnlyList<BlockNode> Blocks => _blocks;

    /// <summary>The sections one level down.</summary>
    public IReadOnlyList<Section> Subsections => _subsections;

    /// <summary>True for the root section (no heading).</summary>
    public bool IsRoot => Heading is null;

    /// <summary>The prose of the whole section, subsections included (same length as <see cref="Span"/>).</summary>
    public string Text => Document.GetProse(Span);

    /// <summary>The heading's position (the whole section for the root) as 0-based line and character; outputs add 1.</summary>
    public LinePositionSpan Position => Document.GetLinePositionSpan(Heading?.Span ?? Span);

    /// <summary>This section and all sections below it, in document order.</summary>
    public IEnumerable<Section> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in _subsections)
            foreach (var section in child.DescendantsAndSelf())
                yield return section;
    }


    internal void AddBlock(BlockNode block) => _blocks.Add(block);

    internal void AddSubsection(Section section) => _subsections.Add(section);

    internal void Close(int end) => Span = TextSpan.FromBounds(Span.Start, Math.Max(Span.Start, end));

    /// <inheritdoc />
    public override string ToString() => IsRoot ? "(root)" : $"H{Level} {Title}";
}
