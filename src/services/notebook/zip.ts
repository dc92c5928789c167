// A .zip archive of already-compressed files: entries are stored (method 0), which every unzip
// tool reads; the MNIST files inside are gzipped already, so deflating them again gains nothing.
import { crc32 } from 'node:zlib'

export interface ZipEntry {
  /** Path inside the archive, '/'-separated (e.g. "mnist/t10k-labels-idx1-ubyte.gz"). */
  name: string
  data: Uint8Array
}

/** 1980-01-01 00:00 in DOS date/time: a fixed timestamp, so the same files make the same archive. */
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8 = 0x0800

export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const crc = crc32(entry.data)
    const size = entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(UTF8, 6)
    local.writeUInt16LE(0, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(size, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    parts.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, size))

    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(UTF8, 8)
    dir.writeUInt16LE(0, 10)
    dir.writeUInt16LE(DOS_TIME, 12)
    dir.writeUInt16LE(DOS_DATE, 14)
    dir.writeUInt32LE(crc, 16)
    dir.writeUInt32LE(size, 20)
    dir.writeUInt32LE(size, 24)
    dir.writeUInt16LE(name.length, 28)
    // extra, comment, disk, internal and external attributes: all zero
    dir.writeUInt32LE(offset, 42)
    central.push(dir, name)
    offset += local.length + name.length + size
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dirSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, ...central, end])
}
