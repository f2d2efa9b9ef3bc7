package driver

import (
	"github.com/flowc-dev/flowc/internal/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

func runChecks(f *ir.Flow) diag.List { f.Resolve(); return nil } // TODO(wip): check.Run
