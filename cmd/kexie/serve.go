package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"kexie/internal/app"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := e.flags("serve")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	log := e.logger()
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	user, password, err := a.Bootstrap(ctx)
	if err != nil {
		return err
	}
	if err := a.BuildSite(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := e.cfg.BaseURL
	if url == "" {
		url = "http://" + ln.Addr().String()
	}
	if password != "" {
		fmt.Fprintf(e.stdout, "\n  首次启动：已创建系统管理员 / First start: administrator created\n"+
			"    URL:      %s/login\n    用户名 user: %s\n    一次性密码 one-time password: %s\n"+
			"  首次登录时须修改此密码并设置两步验证。At first sign-in you must change this password and set up 2FA.\n\n", url, user, password)
	}
	// The search index loads in the background; until then the database's
	// own index answers searches.
	go func() {
		t := time.Now()
		if err := a.People.BuildIndex(ctx); err != nil {
			log.Error("search index", "err", err)
			return
		}
		log.Info("search index ready", "ms", time.Since(t).Milliseconds(), "gogc", app.TuneGC())
	}()
	log.Info("kexie ready", "url", url, "db", a.DB.Dialect(), "startup_ms", time.Since(start).Milliseconds())
	return a.Serve(ctx, ln)
}
