using Markdig.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>A block of the document (paragraph, list, list item, table, row, cell, quote, code, HTML) with its position.</summary>
public sealed class BlockNode
{
    private readonly List<BlockNode> _children = [];

    internal BlockNode(StrategyDocument document, Block syntax, BlockKind kind, TextSpan span, BlockNode? parent)
    {
        Document = document;
        Syntax = syntax;
        Kind = kind;
        Span = span;
        Parent = parent;
    }

    /// <summary>The document this block belongs to.</summary>
    public StrategyDocument Document { get; }

    /// <summary>The Markdig block behind this node, for rules that need more than the model offers.</summary>
    public Block Syntax { get; }

    /// <summary>What kind of block this is.</summary>
    public BlockKind Kind { get; }

    /// <summary>The block's extent in <see cref="StrategyDocument.Text"/> (end exclusive).</summary>
    public TextSpan Span { get; }

    /// <summary>The enclosing block (a list for a list item, a row for a cell), or null at section level.</summary>
    public BlockNode? Parent { get; }

    /// <summary>The section the block sits in.</summary>
    public Section Section { get; internal set; } = null!;

    /// <summary>Nested blocks: items of a list, rows of a table, cells of a row, blocks of a quote or item.</summary>
    public IReadOnlyList<BlockNode> Children => _children;

    /// <summary>The heading level (1–6) for headings, otherwise 0.</summary>
    public int HeadingLevel => Syntax is HeadingBlock h ? h.Level : 0;

    /// <summary>True for a numbered list.</summary>
    public bool IsOrderedList => Syntax is ListBlock { IsOrdered: true };

    /// <summary>True for the header row of a table (and for its cells).</summary>
    public bool IsHeaderRow => Syntax is Markdig.Extensions.Tables.TableRow { IsHeader: true } || (Kind == BlockKind.TableCell && Parent?.IsHeaderRow == true);

    /// <summary>The 0-based index of this node among its parent's children (a cell's column, a row's index).</summary>
    public int IndexInParent { get; internal set; }

    /// <summary>The prose of the block: its source with code, HTML, link targets and front matter blanked out, same length as <see cref="Span"/>.</summary>
    public string Text => Document.GetProse(Span);

    /// <summary>Start and end as 0-based line and character (Roslyn's convention); outputs add 1.</summary>
    public LinePositionSpan Position => Document.GetLinePositionSpan(Span);

    internal void Add(BlockNode child)
    {
        child.IndexInParent = _children.Count;
        _children.Add(child);
    }

    /// <summary>This block and every block nested in it, in document order.</summary>
    public IEnumerable<BlockNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in _children)
            foreach (var node in child.DescendantsAndSelf())
                yield return node;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Span}";
}
