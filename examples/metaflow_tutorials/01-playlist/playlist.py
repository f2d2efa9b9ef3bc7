from metaflow import FlowSpec, IncludeFile, Parameter, step


class PlayListFlow(FlowSpec):
    """
    A flow that builds a playlist of movies for a genre, with one bonus movie picked on a
    parallel branch.

    1) Read the movie data (an IncludeFile: the CSV travels with the flow).
    2) Branch: one step picks the bonus movie, another filters the genre.
    3) Join the branches and print the playlist.
    """

    movie_data = IncludeFile(
        "movie_data",
        help="The path to a movie metadata file.",
        default="movies.csv",
    )

    genre = Parameter("genre", help="Filter movies for a particular genre.", default="Sci-Fi")

    recommendations = Parameter(
        "recommendations",
        help="The number of movies to recommend in the playlist.",
        default=3,
    )

    @step
    def start(self):
        """Parse the CSV into columns."""
        lines = self.movie_data.splitlines()
        columns = lines[0].split(",")
        self.dataframe = {name: [] for name in columns}
        for line in lines[1:]:
            for name, value in zip(columns, line.split(",")):
                self.dataframe[name].append(value)
        self.next(self.bonus_movie, self.genre_movies)

    @step
    def bonus_movie(self):
        """Pick the highest-grossing movie that is not of the chosen genre."""
        best = None
        for i, genres in enumerate(self.dataframe["genres"]):
            if self.genre.lower() in genres.lower():
                continue
            if best is None or int(self.dataframe["gross"][i]) > int(self.dataframe["gross"][best]):
                best = i
        self.bonus = (self.dataframe["movie_title"][best], self.dataframe["genres"][best])
        self.next(self.join)

    @step
    def genre_movies(self):
        """Filter the movies of the genre, newest first."""
        picks = []
        for i, genres in enumerate(self.dataframe["genres"]):
            if self.genre.lower() in genres.lower():
                picks.append((int(self.dataframe["title_year"][i]), self.dataframe["movie_title"][i]))
        picks.sort(reverse=True)
        self.movies = [title for _, title in picks]
        self.next(self.join)

    @step
    def join(self, inputs):
        """Take the playlist from one branch and the bonus from the other."""
        self.playlist = inputs.genre_movies.movies[: self.recommendations]
        self.bonus = inputs.bonus_movie.bonus
        self.next(self.end)

    @step
    def end(self):
        """Print the playlist."""
        print("Playlist for movies in genre '%s'" % self.genre)
        for pick, movie in enumerate(self.playlist):
            print("Pick %d: '%s'" % (pick, movie))
        print("Bonus Pick: '%s' from '%s'" % (self.bonus[0], self.bonus[1]))


if __name__ == "__main__":
    PlayListFlow()
