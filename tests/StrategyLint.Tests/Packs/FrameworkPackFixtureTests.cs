using StrategyLint.Tests.Verifiers;

namespace StrategyLint.Tests.Packs;

/// <summary>
/// The fixture drafts of the framework packs (rules/&lt;pack&gt;/tests/SLnnnn.*.md): each marks the findings its rule
/// must give with {|SLnnnn:…|}, and the rule named by the file must give exactly those.
/// </summary>
public sealed class FrameworkPackFixtureTests
{
    private static readonly string[] Packs = ["itu-principles", "oewg-capacity-building", "sacc-cybercrime", "ncs-lifecycle"];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var pack in Packs)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "rules", pack, "tests"), "SL*.md").Order(StringComparer.Ordinal))
                data.Add($"{pack}/tests/{Path.GetFileName(file)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixtureGivesExactlyTheMarkedFindings(string relative)
    {
        var id = Path.GetFileName(relative)[..6];
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "rules", relative));
        RuleVerifier.Verify(id, text);
    }

    [Fact]
    public void EveryRuleOfThePacksHasATripsAndASatisfiesFixture()
    {
        foreach (var pack in Packs)
        {
            var folder = Path.Combine(TestPaths.RepositoryRoot, "rules", pack);
            foreach (var rule in Directory.GetFiles(folder, "SL*.json"))
            {
                var id = Path.GetFileNameWithoutExtension(rule);
                Assert.True(File.Exists(Path.Combine(folder, "tests", id + ".trips.md")), $"rules/{pack}/tests/{id}.trips.md is missing");
                Assert.True(File.Exists(Path.Combine(folder, "tests", id + ".satisfies.md")), $"rules/{pack}/tests/{id}.satisfies.md is missing");
            }
        }
    }
}
