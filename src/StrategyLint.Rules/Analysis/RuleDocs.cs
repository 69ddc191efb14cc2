namespace StrategyLint.Analysis;

/// <summary>The rule pages (docs/rules/SLnnnn.md), embedded in the build so 'explain' works offline.</summary>
internal static class RuleDocs
{
    public static string? Find(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"StrategyLint.docs.rules.{id.ToUpperInvariant()}.md");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
