#include "ingest/byte_source.h"

#include <cstring>

#include <zlib.h>

namespace dateline {

struct ByteSource::Gz {
  z_stream zs{};
  std::string in;    // bytes read, not yet handed to zlib
  std::string hold;  // bytes zlib is consuming (zs.next_in points here)
  bool in_stream = false;  // inside a member (not at a member boundary)
  bool input_done = false;
  ~Gz() { inflateEnd(&zs); }
};

namespace {
constexpr size_t kChunk = 1 << 16;
}

ByteSource::~ByteSource() {
  if (owns_file_ && file_) std::fclose(file_);
}

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path) {
  std::unique_ptr<ByteSource> s(new ByteSource());
  if (path == "-") {
    s->file_ = stdin;
  } else {
    s->file_ = std::fopen(path.c_str(), "rb");
    if (!s->file_) return Status::IoError(path + ": " + std::strerror(errno));
    s->owns_file_ = true;
  }
  // Sniff the gzip magic without losing bytes: read the first chunk into the raw buffer.
  std::string head(kChunk, '\0');
  size_t n = std::fread(head.data(), 1, head.size(), s->file_);
  head.resize(n);
  s->raw_read_ = n;
  if (n >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b) {
    s->gzipped_ = true;
    s->gz_ = std::make_unique<Gz>();
    if (inflateInit2(&s->gz_->zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("zlib init failed");
    s->gz_->in = std::move(head);
  } else {
    s->buf_ = std::move(head);
  }
  return s;
}

std::unique_ptr<ByteSource> ByteSource::FromString(std::string data) {
  std::unique_ptr<ByteSource> s(new ByteSource());
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b) {
    s->gzipped_ = true;
    s->gz_ = std::make_unique<Gz>();
    inflateInit2(&s->gz_->zs, 16 + MAX_WBITS);
    s->gz_->in = std::move(data);
  } else {
    s->buf_ = std::move(data);
  }
  return s;
}

Result<size_t> ByteSource::RawRead(char* buf, size_t n) {
  if (!file_) return size_t{0};
  size_t got = std::fread(buf, 1, n, file_);
  if (got == 0 && std::ferror(file_)) return Status::IoError(std::strerror(errno));
  raw_read_ += got;
  return got;
}

Result<size_t> ByteSource::Fill() {
  buf_.clear();
  buf_pos_ = 0;
  if (!gzipped_) {
    buf_.resize(kChunk);
    auto r = RawRead(buf_.data(), kChunk);
    if (!r.ok()) return r.status();
    buf_.resize(*r);
    return *r;
  }
  Gz& g = *gz_;
  buf_.resize(kChunk);
  size_t produced = 0;
  while (produced == 0) {
    if (g.zs.avail_in == 0) {
      if (!g.in.empty()) {
        // first chunk already loaded
      } else if (!g.input_done) {
        g.in.resize(kChunk);
        auto r = RawRead(g.in.data(), kChunk);
        if (!r.ok()) return r.status();
        g.in.resize(*r);
        if (*r == 0) g.input_done = true;
      }
      if (!g.in.empty()) {
        g.hold.swap(g.in);
        g.in.clear();
        g.zs.next_in = reinterpret_cast<Bytef*>(g.hold.data());
        g.zs.avail_in = static_cast<uInt>(g.hold.size());
      }
    }
    if (g.zs.avail_in == 0 && g.input_done) {
      if (g.in_stream) return Status::InvalidInput("truncated gzip stream (unexpected end of data)");
      break;
    }
    g.zs.next_out = reinterpret_cast<Bytef*>(buf_.data() + produced);
    g.zs.avail_out = static_cast<uInt>(kChunk - produced);
    int rc = inflate(&g.zs, Z_NO_FLUSH);
    produced = kChunk - g.zs.avail_out;
    if (rc == Z_STREAM_END) {
      g.in_stream = false;
      inflateReset(&g.zs);  // next gzip member, if any
    } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
      g.in_stream = true;
    } else {
      return Status::InvalidInput(std::string("corrupt gzip data: ") + (g.zs.msg ? g.zs.msg : "inflate error"));
    }
  }
  buf_.resize(produced);
  return produced;
}

Result<size_t> ByteSource::Read(char* out, size_t n) {
  if (buf_pos_ >= buf_.size()) {
    if (eof_) return size_t{0};
    auto r = Fill();
    if (!r.ok()) return r.status();
    if (*r == 0) {
      eof_ = true;
      return size_t{0};
    }
  }
  size_t k = std::min(n, buf_.size() - buf_pos_);
  std::memcpy(out, buf_.data() + buf_pos_, k);
  buf_pos_ += k;
  return k;
}

Result<std::string> ByteSource::ReadAll(size_t max_bytes) {
  std::string out;
  char tmp[kChunk];
  for (;;) {
    auto r = Read(tmp, sizeof tmp);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    if (out.size() + *r > max_bytes)
      return Status::InvalidInput("larger than the " + std::to_string(max_bytes >> 20) +
                                  " MB page limit (--max-page-mb)");
    out.append(tmp, *r);
  }
  return out;
}

Result<bool> ByteSource::ReadLine(std::string* line, size_t max_bytes, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (;;) {
    if (buf_pos_ >= buf_.size()) {
      if (eof_) return any;
      auto r = Fill();
      if (!r.ok()) return r.status();
      if (*r == 0) {
        eof_ = true;
        return any;
      }
    }
    any = true;
    const char* start = buf_.data() + buf_pos_;
    size_t avail = buf_.size() - buf_pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    if (!*too_long) {
      if (line->size() + take > max_bytes) {
        *too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    buf_pos_ += take;
    if (nl) {
      ++buf_pos_;
      return true;
    }
  }
}

Result<std::string> ByteSource::ReadExact(size_t n) {
  std::string out;
  out.resize(n);
  size_t got = 0;
  while (got < n) {
    auto r = Read(out.data() + got, n - got);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    got += *r;
  }
  out.resize(got);
  return out;
}

}  // namespace dateline
