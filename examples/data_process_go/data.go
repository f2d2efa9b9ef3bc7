package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Record is one data record, with whatever fields the input has.
type Record map[string]any

// fetchNewData returns the paths of the *.json files in source, sorted.
func fetchNewData(source string) ([]string, error) {
	entries, err := os.ReadDir(source)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			paths = append(paths, filepath.Join(source, e.Name()))
		}
	}
	sort.Strings(paths)
	return paths, nil
}

// convert reads each JSON file and returns one list of records with upper-cased names.
func convert(paths []string) ([]Record, error) {
	var records []Record
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var batch []Record
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber() // keep numbers as written: 1 stays 1, not 1.0
		if err := dec.Decode(&batch); err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		for _, r := range batch {
			if name, ok := r["name"].(string); ok {
				r["name"] = strings.ToUpper(name)
			}
			records = append(records, r)
		}
	}
	return records, nil
}

// storeData appends the records, one JSON line each, to $DATA_DB (default data.db.jsonl).
func storeData(records []Record) error {
	path := os.Getenv("DATA_DB")
	if path == "" {
		path = "data.db.jsonl"
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	for _, r := range records {
		if _, err := fmt.Fprintln(f, pythonJSON(map[string]any(r))); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// pythonJSON writes v as Python's json.dumps(v, sort_keys=True) does, so that the Go and the
// Python flow write the same lines: ", " and ": " between items, keys sorted.
func pythonJSON(v any) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = pythonJSON(k) + ": " + pythonJSON(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pythonJSON(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// buildMessage is the notification text.
func buildMessage(records []Record) string {
	return fmt.Sprintf("%d new records are ready", len(records))
}

// sendNotification stands in for a Slack client: it appends the message to $NOTIFY_FILE, or
// prints it.
func sendNotification(message string) error {
	path := os.Getenv("NOTIFY_FILE")
	if path == "" {
		fmt.Println(message)
		return nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintln(f, message); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
