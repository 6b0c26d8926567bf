using System.Diagnostics.CodeAnalysis;
using DualHome.Linux.Interop;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>
/// The kernel's link and neighbour notifications (rtnetlink(7) multicast groups RTNLGRP_LINK and RTNLGRP_NEIGH)
/// for the network namespace of the thread that opens it. Open it before reading the current state, so that a
/// change between the read and the subscription is not lost. Read from one thread; Dispose from any thread wakes
/// a blocked <see cref="TryRead"/>.
/// </summary>
public sealed class RtnetlinkEvents : IDisposable
{
    /// <summary>Room for the largest notification; an RTM_NEWLINK of a plain NIC is about 1.5 KiB.</summary>
    private const int BufferSize = 64 * 1024;

    private readonly NetlinkSocket _socket;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;
    private int _offset;
    private int _disposeCount;

    private RtnetlinkEvents(NetlinkSocket socket) => _socket = socket;

    /// <summary>Datagrams whose netlink framing was broken; skipped, never thrown.</summary>
    public long Malformed { get; private set; }

    private bool IsDisposed => Volatile.Read(ref _disposeCount) != 0;

    /// <param name="receiveBufferBytes">SO_RCVBUF; the default (net.core.rmem_default) suits a router, a tiny one
    /// lets a test provoke an overrun.</param>
    public static RtnetlinkEvents Open(int? receiveBufferBytes = null) =>
        Open(GroupBit(RTNLGRP_LINK) | GroupBit(RTNLGRP_NEIGH), receiveBufferBytes);

    /// <summary>IPv6 address notifications only (RTNLGRP_IPV6_IFADDR): <see cref="AddressEvent"/>s.</summary>
    public static RtnetlinkEvents OpenAddresses() => Open(GroupBit(RTNLGRP_IPV6_IFADDR), null);

    private static RtnetlinkEvents Open(uint groups, int? receiveBufferBytes)
    {
        HostOrder.RequireLittleEndian(); // netlink is host-endian; the parsers read little-endian
        var socket = NetlinkSocket.Open(groups);
        try
        {
            if (receiveBufferBytes is { } bytes) socket.SetReceiveBufferSize(bytes);
            return new RtnetlinkEvents(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for the next <see cref="LinkEvent"/>, IPv6 <see cref="NeighborEvent"/> or <see cref="AddressEvent"/> (as subscribed); others are
    /// skipped. After an overrun (ENOBUFS) returns <see cref="ResyncNeeded"/> instead of throwing. False once
    /// disposed; throws <see cref="NativeErrorException"/> only for a socket error that is neither.
    /// </summary>
    public bool TryRead([NotNullWhen(true)] out RtnetlinkEvent? ev)
    {
        while (!IsDisposed)
        {
            if (TryParseNext(out ev))
            {
                return true;
            }

            if (!Receive())
            {
                ev = ResyncNeeded.Instance;
                return !IsDisposed;
            }
        }

        ev = null;
        return false;
    }

    /// <summary>Wakes a blocked <see cref="TryRead"/>, which then returns false, and closes the socket once it has.</summary>
    public void Dispose()
    {
        if (Interlocked.Increment(ref _disposeCount) != 1)
        {
            return;
        }

        _socket.TryWakeReceiver();
        _socket.Dispose();
    }

    private static uint GroupBit(int group) => 1u << (group - 1);

    /// <summary>The next event in the datagram received last.</summary>
    private bool TryParseNext([NotNullWhen(true)] out RtnetlinkEvent? ev)
    {
        var datagram = _buffer.AsSpan(0, _length);
        while (NetlinkReader.TryReadMessage(datagram, ref _offset, out var message))
        {
            if (RtnetlinkEventParser.TryParse(message, out ev))
            {
                return true;
            }
        }

        ev = null;
        return false;
    }

    /// <summary>Receives the next datagram; false if notifications were lost (ENOBUFS, or one cut by a short buffer).</summary>
    private bool Receive()
    {
        (_length, _offset) = (0, 0);
        int received, errno;
        try
        {
            received = _socket.TryReceive(_buffer, out errno);
        }
        catch (ObjectDisposedException) when (IsDisposed)
        {
            return true; // Dispose closed the handle between our check and the call
        }

        if (errno == Errno.ENOBUFS || received > _buffer.Length)
        {
            return false;
        }

        if (received < 0)
        {
            // EAGAIN: the 5 s receive timeout passed quietly; a failed wake-up still ends within it.
            return errno == Errno.EAGAIN || IsDisposed ? true : throw new NativeErrorException("recv(RTNLGRP_LINK|NEIGH)", errno);
        }

        if (NetlinkReader.MessagesFit(_buffer.AsSpan(0, received)))
        {
            _length = received;
        }
        else
        {
            Malformed++;
        }

        return true;
    }
}
