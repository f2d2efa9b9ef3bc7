import os

from metaflow import FlowSpec, IncludeFile, step


def script_path(filename):
    """The path of a file next to this script, wherever the flow runs from."""
    return os.path.join(os.path.dirname(os.path.realpath(__file__)), filename)


class MovieStatsFlow(FlowSpec):
    """
    A flow that computes statistics of the gross box office of each genre.

    1) Read the movie data and list the genres.
    2) Fan out over the genres (a foreach) and compute each one's statistics.
    3) Join the results into one table.
    """

    movie_data = IncludeFile(
        "movie_data",
        help="The path to a movie metadata file.",
        default=script_path("movies.csv"),
    )

    @step
    def start(self):
        """Parse the CSV and fan out over the genres."""
        lines = self.movie_data.splitlines()
        columns = lines[0].split(",")
        self.rows = [dict(zip(columns, line.split(","))) for line in lines[1:]]
        self.genres = sorted({g for row in self.rows for g in row["genres"].split("|")})
        self.next(self.compute_statistics, foreach="genres")

    @step
    def compute_statistics(self):
        """The quartiles of the gross of one genre's movies."""
        self.genre = self.input
        print("Computing statistics for %s" % self.genre)
        gross = sorted(int(r["gross"]) for r in self.rows if self.genre in r["genres"].split("|"))
        self.count = len(gross)
        self.quartiles = [gross[min(len(gross) - 1, int(q * len(gross)))] for q in (0.25, 0.5, 0.75)]
        self.next(self.join)

    @step
    def join(self, inputs):
        """Gather the statistics of every genre."""
        self.genre_stats = {i.genre: {"count": i.count, "quartiles": i.quartiles} for i in inputs}
        self.next(self.end)

    @step
    def end(self):
        """Print the table."""
        for genre in sorted(self.genre_stats):
            s = self.genre_stats[genre]
            print("%-10s %2d movies, median gross %d" % (genre, s["count"], s["quartiles"][1]))


if __name__ == "__main__":
    MovieStatsFlow()
