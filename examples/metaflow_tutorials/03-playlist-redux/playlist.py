from metaflow import Flow, FlowSpec, Parameter, get_metadata, step


class PlayListReduxFlow(FlowSpec):
    """
    The playlist again, built from what MovieStatsFlow (tutorial 02) already computed: this flow
    reads that flow's latest successful run through the client API instead of the CSV.

    Run 02-statistics first, then: flowc run playlist.py
    (both runs must share a runs directory: run each tutorial with the same
    --runs-dir, e.g. --runs-dir ../.flowc/runs)

    1) Find the latest successful MovieStatsFlow run and take its rows and genre statistics.
    2) Branch: one step picks the bonus movie, another picks the genre's movies whose gross is
       at or below the genre's median (the hidden gems).
    3) Join the branches and print the playlist.
    """

    genre = Parameter("genre", help="Filter movies for a particular genre.", default="Sci-Fi")

    recommendations = Parameter(
        "recommendations",
        help="The number of movies to recommend in the playlist.",
        default=3,
    )

    @step
    def start(self):
        """Read the artifacts of the latest successful MovieStatsFlow run."""
        print("Using metadata provider: %s" % get_metadata())
        run = Flow("MovieStatsFlow").latest_successful_run
        print("Using analysis from MovieStatsFlow run %s" % run.id)
        self.stats_run = run.id
        # run.data is the data of the run's end step; a step's own artifacts are read by name.
        self.genre_stats = run.data.genre_stats
        self.rows = run["start"].task.data.rows
        self.next(self.bonus_movie, self.genre_movies)

    @step
    def bonus_movie(self):
        """Pick the genre with the highest median gross (other than ours), and its top movie."""
        best = max(
            (g for g in self.genre_stats if g != self.genre),
            key=lambda g: (self.genre_stats[g]["quartiles"][1], g),
        )
        movies = [r for r in self.rows if best in r["genres"].split("|")]
        top = max(movies, key=lambda r: int(r["gross"]))
        self.bonus = (top["movie_title"], best)
        self.next(self.join)

    @step
    def genre_movies(self):
        """The genre's movies at or below its median gross, newest first."""
        median = self.genre_stats[self.genre]["quartiles"][1]
        picks = [
            (int(r["title_year"]), r["movie_title"])
            for r in self.rows
            if self.genre in r["genres"].split("|") and int(r["gross"]) <= median
        ]
        picks.sort(reverse=True)
        self.movies = [title for _, title in picks]
        self.next(self.join)

    @step
    def join(self, inputs):
        """Keep the playlist and the bonus movie."""
        self.playlist = inputs.genre_movies.movies[: self.recommendations]
        self.bonus = inputs.bonus_movie.bonus
        self.next(self.end)

    @step
    def end(self):
        """Print the playlist."""
        print("Playlist for movies in genre '%s'" % self.genre)
        for pick, movie in enumerate(self.playlist):
            print("Pick %d: '%s'" % (pick, movie))
        print("Bonus Pick: '%s' from '%s'" % self.bonus)


if __name__ == "__main__":
    PlayListReduxFlow()
