// Server: cpp-httplib wiring around Api (JSON) and the embedded assets.
#include "serve/server.h"

#include <csignal>
#include <cstdio>

#include <httplib.h>

#include "serve/api.h"
#include "serve/assets.h"

namespace dateline {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy", kCsp},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cross-Origin-Opener-Policy", "same-origin"}};
}

}  // namespace

Server::Server(const ServeOptions& o) : options_(o) {}

Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  std::unique_ptr<Server> s(new Server(options));
  auto api = serve::Api::Create(options);
  if (!api.ok()) return api.status();
  s->api_ = std::move(api.value());
  s->http_ = std::make_unique<httplib::Server>();
  s->Routes();
  return s;
}

void Server::Routes() {
  httplib::Server& h = *http_;
  int threads = options_.threads > 0 ? options_.threads : 8;
  h.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  h.set_payload_max_length(options_.max_body_bytes);
  h.set_keep_alive_max_count(1000);
  h.set_default_headers(SecurityHeaders());

  auto api = [this](const httplib::Request& req, httplib::Response& res) {
    serve::ApiRequest r{req.method, req.path, req.params, req.body, req.get_header_value("Authorization")};
    serve::ApiResponse out = api_->Handle(r);
    res.status = out.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(out.body, kJson);
  };
  h.Get(R"(/api/.*)", api);
  h.Post(R"(/api/.*)", api);
  h.Put(R"(/api/.*)", api);
  h.Delete(R"(/api/.*)", api);
  h.Patch(R"(/api/.*)", api);
  h.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    const serve::Asset* a = serve::FindAsset(req.path);
    if (!a) {
      res.status = 404;
      res.set_content(serve::ErrorBody("not found"), kJson);
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(reinterpret_cast<const char*>(a->data), a->size, a->content_type);
  });
  // Statuses httplib sets itself (413, 414, 400 on a malformed request, 404 for
  // unrouted methods) get a JSON body too.
  h.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string msg = res.status == 413   ? "request body too large"
                      : res.status == 414 ? "request URI too long"
                      : res.status == 404 ? "not found"
                      : res.status == 400 ? "bad request"
                                          : "HTTP error " + std::to_string(res.status);
    res.set_content(serve::ErrorBody(msg), kJson);
    return httplib::Server::HandlerResponse::Handled;
  }));
}

Status Server::Start() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
  } else {
    port_ = http_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0)
    return Status::IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port));
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  return Status::Ok();
}

void Server::Wait() {
  if (thread_.joinable()) thread_.join();
}

void Server::Stop() {
  if (http_) http_->stop();
  Wait();
}

Status RunServer(const ServeOptions& options) {
  // Signals are taken by sigwait below, so block them before any thread starts.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto server = Server::Create(options);
  if (!server.ok()) return server.status();
  Status st = (*server)->Start();
  if (!st.ok()) return st;
  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1")
    std::fprintf(stderr, "dateline serve: warning: listening on %s, reachable from other machines\n",
                 options.host.c_str());
  std::string shown = options.host == "0.0.0.0" ? "127.0.0.1" : options.host;
  std::printf("Open http://%s:%d/\n", shown.c_str(), (*server)->port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  std::fprintf(stderr, "dateline serve: stopping (signal %d)\n", sig);
  (*server)->Stop();
  return Status::Ok();
}

}  // namespace dateline
