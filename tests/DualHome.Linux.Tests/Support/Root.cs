namespace DualHome.Linux.Tests.Support;

/// <summary>Integration tests need root for namespaces, raw sockets and routes; without it they skip visibly.</summary>
internal static class Root
{
    public const string SkipReason = "needs root for network namespaces, raw sockets and routes";

    public static void Require() => Assert.SkipUnless(Privileges.IsRoot, SkipReason);
}
