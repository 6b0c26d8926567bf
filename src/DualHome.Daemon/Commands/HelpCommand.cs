namespace DualHome.Daemon.Commands;

public static class HelpCommand
{
    private const string Text = """
        dualhomed - an IPv6 router for two ISPs at once, without NAT

        usage:
          dualhomed run [--config FILE]     run in the foreground; SIGTERM or SIGINT stops it cleanly
          dualhomed check [--config FILE]   validate FILE and print the effective configuration
          dualhomed ctl [--socket PATH | --config FILE] COMMAND...
                                            send one command to the running daemon ("ctl help" lists them)
          dualhomed console [--socket PATH | --config FILE] [--tty DEV]
                                            interactive command line on this terminal, or on serial line DEV
                                            at 115200 8N1 ("?" and Tab show what may follow)
          dualhomed dhcpv6 --interface IF [--state DIR] [--timeout S] [--release]
                                            ask the ISP on IF for a prefix (DHCPv6-PD) and print it
          dualhomed host [--config FILE]    host mode, on a Linux host of the site (not the router): source
                                            routes per router (RFC 8028), per-source probes, MPTCP subflows;
                                            FILE defaults to /etc/dualhome/host.json
          dualhomed --version               print the version
          dualhomed help                    this text

        FILE defaults to /etc/dualhome/dualhome.json. Exit codes: 0 ok, 1 failure, 2 usage or invalid configuration.
        """;

    public static int Execute(TextWriter output)
    {
        output.WriteLine(Text);
        return 0;
    }

    public static int Usage(TextWriter error, string? problem)
    {
        error.WriteLine($"dualhomed: {problem}");
        error.WriteLine(Text);
        return 2;
    }
}
