namespace DualHome.Testbed;

/// <summary>
/// Router Advertisements from an ISP towards the router (issue 8: an uplink without a configured Gateway learns it
/// from them): radvd in the ISP namespace on its router-facing link, router lifetime 1800 s, no prefix (the site's
/// prefix comes by DHCPv6-PD). Stopped by pid with the site.
/// </summary>
public sealed partial class Site
{
    public async Task StartIspRadvdAsync(Isp isp)
    {
        var letter = Topology.Letter(isp);
        var conf = Path.Combine(WorkDirectory, $"isp-radvd-{letter}.conf");
        await File.WriteAllTextAsync(conf, $$"""
            interface {{Topology.IspDown}} {
                AdvSendAdvert on;
                MinRtrAdvInterval 3;
                MaxRtrAdvInterval 10;
                AdvDefaultLifetime 1800;
            };
            """);
        var pid = Path.Combine(WorkDirectory, $"isp-radvd-{letter}.pid");
        var radvd = StartBackground($"isp-radvd-{letter}", Topology.NodeOf(isp),
            ["radvd", "--nodaemon", "--logmethod", "stderr", "--config", conf, "--pidfile", pid]);
        await Task.Delay(200);
        if (radvd.HasExited) throw new TestbedException($"radvd in ISP {isp} exited: {radvd.ReadStderr()}");
    }

    /// <summary>A second exit router on the LAN as the router sees it (issue 10): radvd in the host namespace advertising
    /// <paramref name="prefix"/> with router lifetime 1800 s, so the router's peer table has someone to learn.</summary>
    public async Task StartLanPeerRadvdAsync(System.Net.IPNetwork prefix)
    {
        var conf = Path.Combine(WorkDirectory, "lan-peer-radvd.conf");
        await File.WriteAllTextAsync(conf, $$"""
            interface {{Topology.HostLan}} {
                AdvSendAdvert on;
                MinRtrAdvInterval 3;
                MaxRtrAdvInterval 10;
                AdvDefaultLifetime 1800;
                prefix {{prefix}} { AdvOnLink on; AdvAutonomous on; };
            };
            """);
        var radvd = StartBackground("lan-peer-radvd", Node.Host,
            ["radvd", "--nodaemon", "--logmethod", "stderr", "--config", conf, "--pidfile", Path.Combine(WorkDirectory, "lan-peer-radvd.pid")]);
        await Task.Delay(200);
        if (radvd.HasExited) throw new TestbedException($"radvd on the LAN exited: {radvd.ReadStderr()}");
    }
}
