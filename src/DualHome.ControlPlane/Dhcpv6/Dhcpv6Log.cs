using DualHome.Wire.Dhcpv6;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Every message of the DHCPv6 prefix-delegation client, with stable event ids (900–999).</summary>
internal static partial class Dhcpv6Log
{
    /// <summary>The one line per state change (as OpenBSD slaacd logs each): old → new, why.</summary>
    [LoggerMessage(900, LogLevel.Information, "dhcpv6 {Uplink}: {From} -> {To} ({Reason})")]
    public static partial void Transition(ILogger log, string uplink, Dhcpv6ClientState from, Dhcpv6ClientState to, string reason);

    [LoggerMessage(901, LogLevel.Information, "dhcpv6 {Uplink}: delegation {Kind}: {Old} -> {New} ({Reason})")]
    public static partial void DelegationChanged(ILogger log, string uplink, DelegationChangeKind kind, string old, string @new, string reason);

    [LoggerMessage(902, LogLevel.Debug, "dhcpv6 {Uplink}: dropped a {Type} message: {Result} {Detail} (seen {Count} times)")]
    public static partial void Dropped(ILogger log, string uplink, string type, Dhcpv6ReceiveResult result, string detail, long count);

    [LoggerMessage(903, LogLevel.Warning, "dhcpv6 {Uplink}: refused a Reconfigure from server {Server}: {Why} (refused {Count} so far; logged at powers of two)")]
    public static partial void ReconfigureRefused(ILogger log, string uplink, string server, string why, long count);

    [LoggerMessage(904, LogLevel.Warning, "dhcpv6 {Uplink}: could not send {Type} (failed {Count} times; logged at powers of two)")]
    public static partial void SendFailed(ILogger log, Exception error, string uplink, Dhcpv6MessageType type, long count);

    [LoggerMessage(905, LogLevel.Information, "dhcpv6 {Uplink}: chose server {Server} (preference {Preference}) offering {Prefixes}")]
    public static partial void ServerChosen(ILogger log, string uplink, Duid server, int preference, string prefixes);

    [LoggerMessage(906, LogLevel.Information, "dhcpv6 {Uplink}: identity created: DUID {Duid}, IAID {Iaid:x8}")]
    public static partial void IdentityCreated(ILogger log, string uplink, Duid duid, uint iaid);

    [LoggerMessage(907, LogLevel.Warning, "dhcpv6 {Uplink}: state file {Name} is unreadable; a new identity replaces it (the server may delegate a new prefix)")]
    public static partial void IdentityUnreadable(ILogger log, string uplink, string name);

    [LoggerMessage(908, LogLevel.Warning, "dhcpv6 {Uplink}: could not save {Name}; the identity will not survive a restart")]
    public static partial void IdentityNotSaved(ILogger log, Exception error, string uplink, string name);

    [LoggerMessage(909, LogLevel.Information, "dhcpv6 {Uplink}: server status {Code} ({Message}) in {State}")]
    public static partial void ServerStatus(ILogger log, string uplink, Dhcpv6StatusCode code, string message, Dhcpv6ClientState state);

    [LoggerMessage(910, LogLevel.Debug, "dhcpv6 {Uplink}: ignored part of a {Type}: {Fault}")]
    public static partial void IgnoredOption(ILogger log, string uplink, Dhcpv6MessageType type, string fault);

    [LoggerMessage(911, LogLevel.Information, "dhcpv6 {Uplink}: server sets SOL_MAX_RT to {Seconds} s")]
    public static partial void SolMaxRtChanged(ILogger log, string uplink, uint seconds);
}
