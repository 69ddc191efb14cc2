using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Syntax;

/// <summary>Prints the section tree with 1-based positions: the rule author's microscope.</summary>
internal static class DocumentDumper
{
    private const int PreviewLength = 60;

    public static string Dump(StrategyDocument document, TextFormat? format = null)
    {
        var builder = new StringBuilder();
        var lines = document.LineCount;
        builder.Append(document.Path);
        if (format is not null)
            builder.Append($"  {format.EncodingName}, {(format.NewLine == "\r\n" ? "CRLF" : "LF")}");
        builder.AppendLine($", {lines} lines, {document.Text.Length} characters");

        var frontMatter = document.FrontMatter;
        if (frontMatter.Exists)
        {
            builder.Append($"front-matter {Range(document, frontMatter.Span)}");
            foreach (var (key, value) in frontMatter.Values)
                builder.Append($" {key}={Preview(value)}");
            builder.AppendLine(frontMatter.Error is null ? string.Empty : "  (invalid YAML)");
        }
        DumpSection(document, document.Root, builder, 0);
        return builder.ToString();
    }

    private static void DumpSection(StrategyDocument document, Section section, StringBuilder builder, int depth)
    {
        var indent = new string(' ', depth * 2);
        builder.AppendLine(section.IsRoot
            ? $"{indent}document {Range(document, section.Span)}"
            : $"{indent}section H{section.Level} \"{section.Title}\" {Range(document, section.Span)}");
        if (section.Heading is { } heading)
            builder.AppendLine($"{indent}  heading {Range(document, heading.Span)}");
        foreach (var block in section.Blocks)
            DumpBlock(document, block, builder, depth + 1);
        foreach (var child in section.Subsections)
            DumpSection(document, child, builder, depth + 1);
    }

    private static void DumpBlock(StrategyDocument document, BlockNode block, StringBuilder builder, int depth)
    {
        var indent = new string(' ', depth * 2);
        var kind = block.Kind switch
        {
            BlockKind.List => block.IsOrderedList ? "list (numbered)" : "list",
            BlockKind.TableRow => block.IsHeaderRow ? "table-row (header)" : "table-row",
            BlockKind.TableCell => $"table-cell [{block.IndexInParent}]",
            BlockKind.ThematicBreak => "thematic-break",
            BlockKind.ListItem => "list-item",
            _ => block.Kind.ToString().ToLowerInvariant(),
        };
        builder.Append($"{indent}{kind} {Range(document, block.Span)}");
        if (block.Kind is BlockKind.Paragraph or BlockKind.TableCell or BlockKind.Heading)
            builder.Append($" \"{Preview(block.Text)}\"");
        else if (block.Kind is BlockKind.Code or BlockKind.Html)
            builder.Append(" (not prose)");
        builder.AppendLine();
        foreach (var child in block.Children)
            DumpBlock(document, child, builder, depth + 1);
    }

    private static string Range(StrategyDocument document, TextSpan span)
    {
        var position = document.GetLinePositionSpan(span);
        return $"{position.Start.Line + 1}:{position.Start.Character + 1}-{position.End.Line + 1}:{position.End.Character + 1}";
    }

    private static string Preview(string text)
    {
        var collapsed = StrategyParser.CollapseWhitespace(text);
        return collapsed.Length <= PreviewLength ? collapsed : collapsed[..(PreviewLength - 1)] + "…";
    }
}
