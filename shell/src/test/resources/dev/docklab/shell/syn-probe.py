# What a container with CAP_NET_RAW (a default capability) can do: one TCP SYN to DST:PORT, framed
# by hand for the gateway's MAC so that it leaves eth0 although DST is a loopback address. Prints
# SYN-ACK when the host answers, NOTHING when no answer comes within three seconds.
# Usage: python3 - IFACE SRC_MAC GATEWAY_MAC SRC_IP DST_IP PORT   (run in the container's netns)
import random
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


iface, src_mac, gw_mac, src_ip, dst_ip, port = sys.argv[1:7]
port = int(port)
sport = random.randint(20000, 60000)
src, dst = socket.inet_aton(src_ip), socket.inet_aton(dst_ip)
tcp = struct.pack("!HHIIBBHHH", sport, port, random.getrandbits(32), 0, 5 << 4, 0x02, 64240, 0, 0)
pseudo = src + dst + struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(tcp))
tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), random.getrandbits(16), 0x4000, 64,
                 socket.IPPROTO_TCP, 0, src, dst)
ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
frame = bytes.fromhex(gw_mac.replace(":", "")) + bytes.fromhex(src_mac.replace(":", "")) + b"\x08\x00" + ip + tcp

s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
s.bind((iface, 0))
s.settimeout(0.1)
start = time.time()
sent = 0
while time.time() - start < 3:
    if sent <= time.time() - start:  # once a second
        s.send(frame)
        sent += 1
    try:
        pkt = s.recv(2048)[14:]
    except socket.timeout:
        continue
    if len(pkt) < 20 or pkt[9] != socket.IPPROTO_TCP or pkt[12:16] != dst:
        continue
    t = pkt[(pkt[0] & 0x0F) * 4:]
    if len(t) >= 14 and struct.unpack("!HH", t[:4]) == (port, sport) and t[13] & 0x12 == 0x12:
        print("SYN-ACK")
        sys.exit(0)
print("NOTHING")
