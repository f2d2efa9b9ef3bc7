package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestMetaflowTutorials runs the flows shaped like Metaflow's tutorials 00-05 through flowc run,
// in order, from a copy of the tutorials' directory as Metaflow's tutorials say (`flowc run
// 02-statistics/stats.py`, each flowc.yaml found from its flow's directory), so that every run
// lands in the one .flowc/runs there and tutorial 03 reads tutorial 02's run through the client
// API; it checks what each prints and the artifacts it keeps.
func TestMetaflowTutorials(t *testing.T) {
	needPython(t)
	wd := t.TempDir()
	if err := os.CopyFS(wd, os.DirFS(absPath(t, "..", "..", "examples", "metaflow_tutorials"))); err != nil {
		t.Fatal(err)
	}
	runs := filepath.Join(wd, ".flowc", "runs")
	ids := map[string]string{}
	for _, tut := range tutorials {
		ok := t.Run(tut.dir, func(t *testing.T) {
			args := append([]string{"run", tut.dir + "/" + tut.file}, tut.args...)
			out, errs, code := flowcIn(t, wd, args...)
			if code != 0 {
				t.Fatalf("flowc run %s: exit %d\n%s%s", tut.file, code, out, errs)
			}
			id := runID(t, out)
			ids[tut.dir] = id
			want := tut.console
			if tut.consoleFor != nil {
				want = tut.consoleFor(runs, ids)
			}
			if got := stepOutput(out); strings.Join(got, "\n") != strings.Join(sorted(want), "\n") {
				t.Errorf("the steps printed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sorted(want), "\n"))
			}
			for _, a := range tut.artifacts {
				want := a.want
				if a.wantFor != nil {
					want = a.wantFor(ids)
				}
				sameJSON(t, a.step+"."+a.name, showJSON(t, wd, runs, id, a.step, a.name), decode(t, want))
			}
		})
		if !ok {
			return // the later tutorials read the earlier ones' runs
		}
	}
}

type tutorialArtifact struct {
	step, name, want string
	wantFor          func(ids map[string]string) string
}

var tutorials = []struct {
	dir, file  string
	args       []string
	console    []string
	consoleFor func(runs string, ids map[string]string) []string
	artifacts  []tutorialArtifact
}{
	{
		dir: "00-helloworld", file: "helloworld.py",
		console: []string{
			"[start/0] HelloFlow is starting.",
			"[hello/0] Metaflow says: Hi!",
			"[end/0] HelloFlow is all done.",
		},
		artifacts: []tutorialArtifact{{step: "end", name: "greeting", want: `"Metaflow says: Hi!"`}},
	},
	{
		dir: "01-playlist", file: "playlist.py",
		console: []string{
			"[end/0] Playlist for movies in genre 'Sci-Fi'",
			"[end/0] Pick 0: 'Signal From Below'",
			"[end/0] Pick 1: 'Night Train to Vesta'",
			"[end/0] Pick 2: 'Glass Comet'",
			"[end/0] Bonus Pick: 'Clockwork Meadow' from 'Animation|Comedy|Family'",
		},
		artifacts: []tutorialArtifact{
			{step: "end", name: "playlist", want: `["Signal From Below", "Night Train to Vesta", "Glass Comet"]`},
			{step: "start", name: "dataframe", want: playlistColumns},
		},
	},
	{
		dir: "01-playlist", file: "playlist.py", args: []string{"--param", "genre=Drama", "--param", "recommendations=2"},
		console: []string{
			"[end/0] Playlist for movies in genre 'Drama'",
			"[end/0] Pick 0: 'Glass Comet'",
			"[end/0] Pick 1: 'Saltwater Saints'",
			"[end/0] Bonus Pick: 'Clockwork Meadow' from 'Animation|Comedy|Family'",
		},
		artifacts: []tutorialArtifact{{step: "join", name: "bonus", want: `["Clockwork Meadow", "Animation|Comedy|Family"]`}},
	},
	{
		dir: "02-statistics", file: "stats.py",
		console: statsConsole,
		artifacts: []tutorialArtifact{
			{step: "join", name: "genre_stats", want: statsWant},
			{step: "compute_statistics", name: "count", want: `{"0": 2, "1": 2, "2": 1, "3": 3, "4": 1, "5": 6, "6": 1, "7": 1, "8": 1, "9": 2, "10": 4, "11": 1}`},
		},
	},
	{
		dir: "03-playlist-redux", file: "playlist.py",
		consoleFor: func(runs string, ids map[string]string) []string {
			return []string{
				"[start/0] Using metadata provider: local@" + filepath.ToSlash(runs),
				"[start/0] Using analysis from MovieStatsFlow run " + ids["02-statistics"],
				"[end/0] Playlist for movies in genre 'Sci-Fi'",
				"[end/0] Pick 0: 'Signal From Below'",
				"[end/0] Pick 1: 'Night Train to Vesta'",
				"[end/0] Pick 2: 'Glass Comet'",
				"[end/0] Bonus Pick: 'Clockwork Meadow' from 'Family'",
			}
		},
		artifacts: []tutorialArtifact{
			{step: "start", name: "stats_run", wantFor: func(ids map[string]string) string { return `"` + ids["02-statistics"] + `"` }},
			{step: "start", name: "genre_stats", want: statsWant},
			{step: "end", name: "playlist", want: `["Signal From Below", "Night Train to Vesta", "Glass Comet"]`},
		},
	},
	{
		dir: "05-hello-cloud", file: "hello-cloud.py",
		consoleFor: func(runs string, _ map[string]string) []string {
			return []string{
				"[start/0] HelloCloud is starting.",
				"[start/0]",
				"[start/0] Using metadata provider: local@" + filepath.ToSlash(runs),
				"[start/0]",
				"[start/0] The start step is running locally. Next, the 'hello' step will run remotely",
				"[start/0] on Kubernetes when the flow is applied to a cluster.",
				"[hello/0] Metaflow says: Hi from the cloud!",
				"[end/0] HelloCloud is finished.",
			}
		},
		artifacts: []tutorialArtifact{{step: "end", name: "message", want: `"Hi from the cloud!"`}},
	},
}

// The columns tutorial 01 parses from its movies.csv (read into the build context at compile
// time, since its IncludeFile default is a literal path).
const playlistColumns = `{
	"movie_title": ["Orbit of Ashes", "The Quiet Harbor", "Clockwork Meadow", "Night Train to Vesta", "A Recipe for Rain", "Iron Lanterns", "The Last Cartographer", "Signal From Below", "Paper Kingdoms", "Saltwater Saints", "Glass Comet", "Borrowed Summers"],
	"title_year": ["2011", "2004", "2016", "2019", "1998", "2013", "2008", "2021", "2001", "2015", "2017", "2010"],
	"genres": ["Action|Sci-Fi", "Drama|Romance", "Animation|Comedy|Family", "Sci-Fi|Thriller", "Comedy|Romance", "Action|Adventure", "Adventure|Drama", "Horror|Sci-Fi", "Drama|History", "Crime|Drama", "Sci-Fi|Drama", "Comedy|Drama"],
	"gross": ["81000000", "12000000", "145000000", "56000000", "23000000", "97000000", "31000000", "18000000", "9000000", "40000000", "66000000", "15000000"]
}`

// The genres of the tutorials' movies.csv, in task order, with their counts and median gross.
var statsConsole = []string{
	"[compute_statistics/0] Computing statistics for Action",
	"[compute_statistics/1] Computing statistics for Adventure",
	"[compute_statistics/2] Computing statistics for Animation",
	"[compute_statistics/3] Computing statistics for Comedy",
	"[compute_statistics/4] Computing statistics for Crime",
	"[compute_statistics/5] Computing statistics for Drama",
	"[compute_statistics/6] Computing statistics for Family",
	"[compute_statistics/7] Computing statistics for History",
	"[compute_statistics/8] Computing statistics for Horror",
	"[compute_statistics/9] Computing statistics for Romance",
	"[compute_statistics/10] Computing statistics for Sci-Fi",
	"[compute_statistics/11] Computing statistics for Thriller",
	"[end/0] Action      2 movies, median gross 97000000",
	"[end/0] Adventure   2 movies, median gross 97000000",
	"[end/0] Animation   1 movies, median gross 145000000",
	"[end/0] Comedy      3 movies, median gross 23000000",
	"[end/0] Crime       1 movies, median gross 40000000",
	"[end/0] Drama       6 movies, median gross 31000000",
	"[end/0] Family      1 movies, median gross 145000000",
	"[end/0] History     1 movies, median gross 9000000",
	"[end/0] Horror      1 movies, median gross 18000000",
	"[end/0] Romance     2 movies, median gross 23000000",
	"[end/0] Sci-Fi      4 movies, median gross 66000000",
	"[end/0] Thriller    1 movies, median gross 56000000",
}

const statsWant = `{
	"Action": {"count": 2, "quartiles": [81000000, 97000000, 97000000]},
	"Adventure": {"count": 2, "quartiles": [31000000, 97000000, 97000000]},
	"Animation": {"count": 1, "quartiles": [145000000, 145000000, 145000000]},
	"Comedy": {"count": 3, "quartiles": [15000000, 23000000, 145000000]},
	"Crime": {"count": 1, "quartiles": [40000000, 40000000, 40000000]},
	"Drama": {"count": 6, "quartiles": [12000000, 31000000, 40000000]},
	"Family": {"count": 1, "quartiles": [145000000, 145000000, 145000000]},
	"History": {"count": 1, "quartiles": [9000000, 9000000, 9000000]},
	"Horror": {"count": 1, "quartiles": [18000000, 18000000, 18000000]},
	"Romance": {"count": 2, "quartiles": [12000000, 23000000, 23000000]},
	"Sci-Fi": {"count": 4, "quartiles": [56000000, 66000000, 81000000]},
	"Thriller": {"count": 1, "quartiles": [56000000, 56000000, 56000000]}
}`

func sorted(lines []string) []string {
	out := append([]string(nil), lines...)
	sort.Strings(out)
	return out
}
