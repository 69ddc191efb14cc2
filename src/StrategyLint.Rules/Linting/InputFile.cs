namespace StrategyLint.Linting;

/// <summary>A file to lint: a path on disk, or standard input (read through <see cref="ReadStdin"/>).</summary>
internal sealed record InputFile(string DisplayPath, string? FullPath, Func<byte[]>? ReadStdin = null)
{
    public byte[] ReadAllBytes() => ReadStdin is not null ? ReadStdin() : File.ReadAllBytes(FullPath!);
}
