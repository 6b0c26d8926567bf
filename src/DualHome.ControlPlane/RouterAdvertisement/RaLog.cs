using System.Net;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>Every message of the RA engine, with stable event ids (100–199).</summary>
internal static partial class RaLog
{
    [LoggerMessage(100, LogLevel.Information, "RA engine started on the LAN: {Prefixes}")]
    public static partial void Started(ILogger log, string prefixes);

    [LoggerMessage(101, LogLevel.Information, "RA content changed, advertising at once: {Prefixes}, router lifetime {Lifetime} s")]
    public static partial void ContentChanged(ILogger log, string prefixes, int lifetime);

    [LoggerMessage(102, LogLevel.Debug, "RA sent to {Destination}")]
    public static partial void Sent(ILogger log, IPAddress destination);

    [LoggerMessage(103, LogLevel.Warning, "dropped ND packet from {Source}: {Reason} (seen {Count} times)")]
    public static partial void Dropped(ILogger log, IPAddress source, string reason, long count);

    [LoggerMessage(104, LogLevel.Error, "sending an RA to {Destination} failed")]
    public static partial void SendFailed(ILogger log, Exception error, IPAddress destination);

    [LoggerMessage(105, LogLevel.Information, "another router advertises on the LAN: {Source} (router lifetime {Lifetime} s)")]
    public static partial void ForeignRouter(ILogger log, IPAddress source, int lifetime);

    [LoggerMessage(106, LogLevel.Information, "RA engine stopping: {Count} final RAs with router lifetime 0 (RFC 4861 §6.2.5)")]
    public static partial void Stopping(ILogger log, int count);

    [LoggerMessage(107, LogLevel.Debug, "router solicitation from {Source}")]
    public static partial void Solicited(ILogger log, IPAddress source);
}
