using System.Globalization;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Daemon.Commands;

/// <summary>
/// `dualhomed dhcpv6 --interface IF [--state DIR] [--timeout SECONDS] [--release]`: asks the ISP on IF for a prefix
/// delegation (DHCPv6-PD, RFC 8415) with the uplink's stable identity (DUID-LL and IAID, kept in DIR, the same the
/// router uses) and prints what it got and the LAN /64 it would use. The binding is kept (the ISP gives the same
/// prefix again) unless --release. Exit 0 with a delegation, 1 without one in time, 2 usage.
/// </summary>
public static class Dhcpv6Command
{
    public const string Usage = "usage: dualhomed dhcpv6 --interface IF [--state DIR] [--timeout SECONDS] [--release]";

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var iface, out var state, out var timeout, out var release, out var problem))
        {
            error.WriteLine($"dualhomed dhcpv6: {problem}\n{Usage}");
            return 2;
        }
        try { return Run(iface, state, timeout, release, output, error).GetAwaiter().GetResult(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"dualhomed dhcpv6: {iface}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> Run(string iface, string state, TimeSpan timeout, bool release, TextWriter output, TextWriter error)
    {
        var mac = Mac.Read(LinkInfo.Get(iface).MacAddress.GetAddressBytes());
        Directory.CreateDirectory(state);
        var identity = ClientIdentity.LoadOrCreate(new FileStateStore(state, DirectorySync.Flush), iface, iface, mac,
            DuidKind.LinkLayer, TimeProvider.System, NullLogger.Instance);
        using var socket = Dhcpv6Socket.Open(iface);
        using var client = new Dhcpv6Client(new Dhcpv6ClientOptions { Uplink = iface }, identity, socket,
            TimeProvider.System, new Random(), NullLogger.Instance);
        var got = new TaskCompletionSource<Delegation>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DelegationChanged += change => { if (change.New is { } d) got.TrySetResult(d); };
        using var receiving = socket.StartReceiving(client);
        client.Start();
        if (await Task.WhenAny(got.Task, Task.Delay(timeout)).ConfigureAwait(false) != got.Task)
        {
            error.WriteLine($"dualhomed dhcpv6: {iface}: no delegation within {timeout.TotalSeconds:0} s (state {client.State})");
            client.Stop();
            return 1;
        }
        Report(got.Task.Result, client, identity, output);
        if (release) { await client.ReleaseAsync().ConfigureAwait(false); output.WriteLine("released"); }
        else client.Stop();
        return 0;
    }

    private static void Report(Delegation d, Dhcpv6Client client, ClientIdentity identity, TextWriter output)
    {
        output.WriteLine($"delegated {d.Prefix} (preferred {d.PreferredLifetime} s, valid {d.ValidLifetime} s)");
        output.WriteLine($"client DUID {Hex(identity.Duid)}, IAID {identity.Iaid:x8}; server DUID {(client.Server is { } s ? Hex(s) : "?")}");
        if (LanSubnet.TryFrom(d.Prefix, 0, out var lan))
            output.WriteLine($"LAN prefix (SubnetId 0): {lan}, one of {LanSubnet.Count(d.Prefix)}");
    }

    private static string Hex(DualHome.Wire.Dhcpv6.Duid duid) => Convert.ToHexString(duid.Span).ToLowerInvariant();

    private static bool TryParse(IReadOnlyList<string> args, out string iface, out string state, out TimeSpan timeout,
        out bool release, out string problem)
    {
        (iface, state, timeout, release, problem) = ("", "/var/lib/dualhome", TimeSpan.FromSeconds(10), false, "");
        for (int i = 0; i < args.Count; i++)
        {
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--interface" when value is not null: iface = value; i++; break;
                case "--state" when value is not null: state = value; i++; break;
                case "--timeout" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 3600:
                    timeout = TimeSpan.FromSeconds(s); i++; break;
                case "--release": release = true; break;
                default: problem = $"unexpected argument '{args[i]}'"; return false;
            }
        }
        if (iface.Length == 0) problem = "--interface is required";
        return iface.Length > 0;
    }
}
