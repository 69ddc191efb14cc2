using Microsoft.Extensions.FileSystemGlobbing;
using StrategyLint.Configuration;
using StrategyLint.Syntax;

namespace StrategyLint.Profiles;

/// <summary>
/// Chooses a document's profile in the order product.md §4 gives: the --profile flag, the front matter
/// <c>type</c>, the config's <c>profiles</c> glob mapping, then detection from the title and the prose.
/// </summary>
internal static class ProfileResolver
{
    public static ProfileChoice Resolve(StrategyDocument document, string? fullPath, string? flag, LintConfig config, string? fallback = null)
    {
        if (StrategyProfiles.IsKnown(flag))
            return new ProfileChoice(Canonical(flag!), ProfileChoice.FromFlag, "chosen with --profile");

        if (StrategyProfiles.IsKnown(document.FrontMatter.Type))
            return new ProfileChoice(Canonical(document.FrontMatter.Type!), ProfileChoice.FromFrontMatter, "the front matter 'type'");

        if (fullPath is not null)
        {
            foreach (var (glob, profile) in config.Profiles)
            {
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(glob);
                if (matcher.Match(config.BaseDirectory, fullPath).HasMatches)
                    return new ProfileChoice(profile, ProfileChoice.FromConfig, $"the config's 'profiles' pattern '{glob}'");
            }
        }

        return fallback is not null ? new ProfileChoice(fallback, ProfileChoice.FromDetection, "the default for documents that name no profile") : Detect(document);
    }

    /// <summary>The title decides when it names the kind of document; otherwise the prose is weighed; national strategy is the fallback.</summary>
    internal static ProfileChoice Detect(StrategyDocument document)
    {
        var title = document.FrontMatter.Title ?? document.TitleSection?.Title ?? string.Empty;
        if (Contains(title, "cybercrime") || Contains(title, "cyber crime"))
            return new ProfileChoice(StrategyProfiles.CybercrimeStrategy, ProfileChoice.FromDetection, "the title mentions cybercrime");
        if (Contains(title, "capacity building") || Contains(title, "capacity-building") || Contains(title, "technical assistance"))
            return new ProfileChoice(StrategyProfiles.CapacityBuildingPlan, ProfileChoice.FromDetection, "the title mentions capacity building or technical assistance");
        if (Contains(title, "security strateg") || Contains(title, "cybersecurity") || Contains(title, "cyber security"))
            return new ProfileChoice(StrategyProfiles.NationalCybersecurityStrategy, ProfileChoice.FromDetection, "the title names a cybersecurity strategy");

        var prose = document.Prose;
        var assistance = Count(prose, "technical assistance") + Count(prose, "capacity building") + Count(prose, "capacity-building");
        var cybercrime = Count(prose, "cybercrime");
        var cybersecurity = Count(prose, "cybersecurity") + Count(prose, "cyber security");
        if (assistance >= 3 && assistance > cybersecurity)
            return new ProfileChoice(StrategyProfiles.CapacityBuildingPlan, ProfileChoice.FromDetection, $"the text speaks of technical assistance or capacity building {assistance} times");
        if (cybercrime >= 3 && cybercrime > cybersecurity)
            return new ProfileChoice(StrategyProfiles.CybercrimeStrategy, ProfileChoice.FromDetection, $"the text speaks of cybercrime {cybercrime} times, more than of cybersecurity");
        return new ProfileChoice(StrategyProfiles.NationalCybersecurityStrategy, ProfileChoice.FromDetection, "no other profile fits, so the default");
    }

    private static string Canonical(string name) => StrategyProfiles.All.First(p => p.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool Contains(string text, string term) => text.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static int Count(string text, string term)
    {
        var count = 0;
        for (var index = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(term, index + term.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }
}
