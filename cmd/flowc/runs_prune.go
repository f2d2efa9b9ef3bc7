package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// defaultKeep is how many finished runs `flowc runs prune` keeps when not told.
const defaultKeep = 10

// runRuns is `flowc runs SUBCOMMAND`. Listing runs is the client side's (flowc runs, show, logs);
// prune lives here, beside the runner that writes the records it reads.
// runRunsPrune deletes all but the newest N finished local runs. It deletes only directories
// that hold a run.json that flowc run wrote, and never a run still marked running.
func runRunsPrune(e *env, args []string) int {
	fs := newFlagSet(e, "runs prune", "[--keep N] [--runs-dir DIR]\n\nDeletes all but the newest N finished runs under the runs directory.")
	keep := fs.Int("keep", defaultKeep, "finished runs to keep, newest first")
	runs := fs.String("runs-dir", filepath.Join(".flowc", "runs"), "where runs keep their state and logs")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageErr(e, "runs prune takes no arguments")
	}
	if *keep < 0 {
		return usageErr(e, "--keep must not be negative")
	}
	finished, err := finishedRuns(*runs)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	removed := 0
	for i, id := range finished {
		if i < *keep {
			continue
		}
		if err := os.RemoveAll(filepath.Join(*runs, id)); err != nil {
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail
		}
		removed++
	}
	fmt.Fprintf(e.stdout, "removed %d runs, kept %d finished runs in %s\n", removed, len(finished)-removed, *runs)
	return exitOK
}

// finishedRuns lists the ids of the finished runs under dir, newest first: run ids begin with
// their start time, so that their order is their age.
func finishedRuns(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, ent := range entries {
		if !ent.IsDir() || ent.Type()&fs.ModeSymlink != 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, ent.Name(), "run.json"))
		if err != nil {
			continue // not a run flowc recorded: never touched
		}
		var rec struct {
			RunID  string `json:"id"` // runrecord.Run
			Status string `json:"status"`
		}
		if json.Unmarshal(data, &rec) != nil || rec.RunID != ent.Name() || rec.Status == "running" || rec.Status == "" {
			continue
		}
		ids = append(ids, ent.Name())
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ids)))
	return ids, nil
}
