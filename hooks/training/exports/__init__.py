"""Each module's quizzes for learning platforms: Moodle GIFT and Moodle XML."""
