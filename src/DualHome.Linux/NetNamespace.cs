using System.Runtime.ExceptionServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>
/// Runs code inside a named network namespace (<c>ip netns add NAME</c> creates /var/run/netns/NAME).
/// setns(2) with CLONE_NEWNET changes only the calling thread, so the code runs on a dedicated thread
/// that ends afterwards: no pool thread is left in a foreign namespace. Sockets (netlink, ICMPv6) opened
/// inside stay in that namespace for their whole life and may be used from any thread later.
/// Needs CAP_SYS_ADMIN. No fork, no unshare.
/// </summary>
public static class NetNamespace
{
    /// <summary>Where iproute2 keeps the bind mounts of named namespaces (NETNS_RUN_DIR).</summary>
    public const string RunDirectory = "/var/run/netns";

    /// <summary>Runs <paramref name="function"/> in <paramref name="netnsName"/> and returns its result or rethrows its exception.</summary>
    public static T RunIn<T>(string netnsName, Func<T> function)
    {
        var path = PathOf(netnsName);
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter(path);
                result = function();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {netnsName}",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    public static void RunIn(string netnsName, Action action) =>
        RunIn(netnsName, () =>
        {
            action();
            return true;
        });

    /// <summary>Moves the calling thread into the namespace bound at <paramref name="path"/>.</summary>
    private static void Enter(string path)
    {
        var raw = Libc.Open(path, NamespaceConstants.O_RDONLY | NamespaceConstants.O_CLOEXEC);
        using var fd = raw >= 0 ? SafeFdHandle.Own(raw) : throw NativeErrorException.FromLastError($"open({path})");

        if (Libc.SetNs(fd, NamespaceConstants.CLONE_NEWNET) != 0)
        {
            throw NativeErrorException.FromLastError($"setns({path}, CLONE_NEWNET)");
        }
    }

    private static string PathOf(string netnsName)
    {
        if (string.IsNullOrEmpty(netnsName) || netnsName is "." or ".." || netnsName.Contains('/') || netnsName.Contains('\0'))
        {
            throw new ArgumentException($"invalid namespace name '{netnsName}'", nameof(netnsName));
        }

        return $"{RunDirectory}/{netnsName}";
    }
}
