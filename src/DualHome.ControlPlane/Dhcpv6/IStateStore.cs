namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// Small named blobs kept across restarts under <c>State.Directory</c> (issue 8: the DUID and IAIDs must be stable).
/// Names are plain file names: letters, digits, '.', '-', '_'. In tests an in-memory fake.
/// </summary>
public interface IStateStore
{
    /// <summary>The saved contents, or false when nothing was saved under <paramref name="name"/>.
    /// May throw <see cref="IOException"/> when the store cannot be read.</summary>
    bool TryLoad(string name, out byte[] contents);

    /// <summary>Replaces the contents atomically: after a crash or power loss the old or the new contents are
    /// there, never a mix or nothing. May throw <see cref="IOException"/>.</summary>
    void Save(string name, ReadOnlySpan<byte> contents);
}

/// <summary>Names the store accepts (so a name can never leave the directory).</summary>
public static class StateNames
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 200 && name[0] != '.'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public static void Require(string? name)
    {
        if (!IsValid(name))
            throw new ArgumentException($"'{name}' is not a state file name (letters, digits, '.', '-', '_'; not starting with '.').", nameof(name));
    }
}
