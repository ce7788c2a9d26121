package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"kexie/internal/app"
	"kexie/internal/valid"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := e.flags("serve")
	rootName := fs.String("root-name", "", "first run: the root org's name, e.g. 四川省科学技术协会 (else the setup page asks)")
	rootRegion := fs.String("root-region", "", "first run: the root org's GB/T 2260 region code, e.g. 510000")
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
	// A fresh database gets its root org from the flags, or from the
	// first-run setup page (only with the token printed below).
	needSetup, err := a.NeedsSetup(ctx)
	if err != nil {
		return err
	}
	var user, password, setupToken string
	switch {
	case needSetup && (*rootName != "" || *rootRegion != ""):
		if user, password, err = a.SetupRoot(ctx, *rootName, *rootRegion); err != nil {
			if _, ok := valid.As(err); ok {
				return fmt.Errorf("serve: 首次启动需要 --root-name（本单位名称）和有效的六位 GB/T 2260 --root-region（如 510000）/ "+
					"first run needs --root-name and a valid six-digit GB/T 2260 --root-region (e.g. 510000); got %q, %q", *rootName, *rootRegion)
			}
			return err
		}
	case needSetup:
		setupToken = a.OpenSetup()
	default:
		if user, password, err = a.Bootstrap(ctx); err != nil {
			return err
		}
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
	if setupToken != "" {
		fmt.Fprintf(e.stdout, "\n  首次启动：请打开下面的链接，填写本单位名称和行政区划 / First start: open this link to set up the root org\n"+
			"    %s/setup?token=%s\n  （或以 --root-name 和 --root-region 启动 / or start with --root-name and --root-region）\n\n", url, setupToken)
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
